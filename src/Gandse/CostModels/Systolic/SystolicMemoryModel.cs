namespace Gandse.CostModels.Systolic;

/// <summary>How the systolic cost model treats DRAM and stalls.</summary>
public enum SystolicMemoryModel
{
    /// <summary>
    /// SCALE-Sim v2's DRAM counts exactly, walking each read buffer's window a fold or a lap at a time; stalls
    /// estimated from when the steps fall (<see cref="SystolicReferenceModel"/>). The default everywhere.
    /// </summary>
    Fast,

    /// <summary>SCALE-Sim v2's memory system replayed line by line (<see cref="ScaleSimEmulator"/>): exact, slower.</summary>
    Exact,

    /// <summary>
    /// The closed-form streaming bound (<see cref="SystolicCostModel.EvaluateBounds"/>): each operand read once per
    /// pass, no laps, stalls only where the bandwidth cannot keep up. Never above the fast model; tensor-fast. For
    /// training-time targets, where millions of evaluations are needed and labels stay exact.
    /// </summary>
    Streaming,
}
