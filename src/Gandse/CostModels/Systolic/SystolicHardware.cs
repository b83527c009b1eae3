namespace Gandse.CostModels.Systolic;

/// <summary>A systolic accelerator: an R × C PE array, its dataflow and its three double-buffered SRAMs (KB).</summary>
public sealed record SystolicHardware(long Rows, long Cols, Dataflow Dataflow, double IfmapSramKb, double FilterSramKb, double OfmapSramKb)
{
    public double TotalSramKb => IfmapSramKb + FilterSramKb + OfmapSramKb;

    public long PeCount => Rows * Cols;
}
