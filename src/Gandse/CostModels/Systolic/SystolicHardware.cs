namespace Gandse.CostModels.Systolic;

/// <summary>A systolic accelerator: an R × C PE array, its dataflow and its three double-buffered SRAMs (KB).</summary>
public sealed record SystolicHardware(long Rows, long Cols, Dataflow Dataflow, double IfmapSramKb, double FilterSramKb, double OfmapSramKb)
{
    /// <summary>The three SRAM buffers together, in KB.</summary>
    public double TotalSramKb => IfmapSramKb + FilterSramKb + OfmapSramKb;

    /// <summary>Rows times cols.</summary>
    public long PeCount => Rows * Cols;

    /// <summary>The hardware of a design given as parameter values (rows, cols, dataflow, *_sram_kb).</summary>
    public static SystolicHardware FromValues(IReadOnlyDictionary<string, double> values) => new(
        (long)values[SystolicParameterNames.Rows],
        (long)values[SystolicParameterNames.Cols],
        (Dataflow)(int)values[SystolicParameterNames.Dataflow],
        values[SystolicParameterNames.IfmapSramKb],
        values[SystolicParameterNames.FilterSramKb],
        values[SystolicParameterNames.OfmapSramKb]);
}
