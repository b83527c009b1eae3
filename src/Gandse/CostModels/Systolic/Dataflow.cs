namespace Gandse.CostModels.Systolic;

/// <summary>Which operand stays in the PEs: outputs, weights (filters) or inputs (ifmap). Values are the space's choice indices.</summary>
public enum Dataflow
{
    /// <summary>Output stationary: each PE keeps an output.</summary>
    Os = 0,
    /// <summary>Weight stationary: each PE keeps a filter value.</summary>
    Ws = 1,
    /// <summary>Input stationary: each PE keeps an input value.</summary>
    Is = 2,
}
