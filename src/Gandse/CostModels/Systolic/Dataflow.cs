namespace Gandse.CostModels.Systolic;

/// <summary>Which operand stays in the PEs: outputs, weights (filters) or inputs (ifmap). Values are the space's choice indices.</summary>
public enum Dataflow
{
    Os = 0,
    Ws = 1,
    Is = 2,
}
