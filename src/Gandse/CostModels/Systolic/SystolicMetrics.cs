namespace Gandse.CostModels.Systolic;

/// <summary>
/// One design's metrics on one GEMM. Access counts are in words; energy in MAC units; area in MAESTRO units.
/// <see cref="TotalCycles"/> counts cycles (SCALE-Sim v2's report prints the last cycle's 0-based index, one
/// less). <see cref="DramReads"/> is IFMAP plus FILTER reads; <see cref="DramWrites"/> is the OFMAP writes.
/// </summary>
public sealed record SystolicMetrics(
    long ComputeCycles,
    long StallCycles,
    long TotalCycles,
    double Utilization,
    long IfmapSramReads,
    long FilterSramReads,
    long OfmapSramWrites,
    long DramIfmapReads,
    long DramFilterReads,
    long DramOfmapWrites,
    double Energy,
    double Area)
{
    /// <summary>Ifmap plus filter words read from DRAM.</summary>
    public long DramReads => DramIfmapReads + DramFilterReads;

    /// <summary>Ofmap words written to DRAM.</summary>
    public long DramWrites => DramOfmapWrites;

    /// <summary>The metrics by their snake_case names.</summary>
    public IReadOnlyDictionary<string, double> ToDictionary() => new Dictionary<string, double>
    {
        [SystolicMetricNames.ComputeCycles] = ComputeCycles,
        [SystolicMetricNames.StallCycles] = StallCycles,
        [SystolicMetricNames.TotalCycles] = TotalCycles,
        [SystolicMetricNames.Utilization] = Utilization,
        [SystolicMetricNames.IfmapSramReads] = IfmapSramReads,
        [SystolicMetricNames.FilterSramReads] = FilterSramReads,
        [SystolicMetricNames.OfmapSramWrites] = OfmapSramWrites,
        [SystolicMetricNames.DramIfmapReads] = DramIfmapReads,
        [SystolicMetricNames.DramFilterReads] = DramFilterReads,
        [SystolicMetricNames.DramOfmapWrites] = DramOfmapWrites,
        [SystolicMetricNames.DramReads] = DramReads,
        [SystolicMetricNames.DramWrites] = DramWrites,
        [SystolicMetricNames.Energy] = Energy,
        [SystolicMetricNames.Area] = Area,
    };
}
