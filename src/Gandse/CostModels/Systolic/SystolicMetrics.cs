namespace Gandse.CostModels.Systolic;

/// <summary>One design's metrics on one GEMM. Access counts are in words; energy in MAC units; area in MAESTRO units.</summary>
public sealed record SystolicMetrics(
    long ComputeCycles,
    long StallCycles,
    long TotalCycles,
    double Utilization,
    long IfmapSramReads,
    long FilterSramReads,
    long OfmapSramWrites,
    long DramReads,
    long DramWrites,
    double Energy,
    double Area)
{
    public IReadOnlyDictionary<string, double> ToDictionary() => new Dictionary<string, double>
    {
        [SystolicMetricNames.ComputeCycles] = ComputeCycles,
        [SystolicMetricNames.StallCycles] = StallCycles,
        [SystolicMetricNames.TotalCycles] = TotalCycles,
        [SystolicMetricNames.Utilization] = Utilization,
        [SystolicMetricNames.IfmapSramReads] = IfmapSramReads,
        [SystolicMetricNames.FilterSramReads] = FilterSramReads,
        [SystolicMetricNames.OfmapSramWrites] = OfmapSramWrites,
        [SystolicMetricNames.DramReads] = DramReads,
        [SystolicMetricNames.DramWrites] = DramWrites,
        [SystolicMetricNames.Energy] = Energy,
        [SystolicMetricNames.Area] = Area,
    };
}
