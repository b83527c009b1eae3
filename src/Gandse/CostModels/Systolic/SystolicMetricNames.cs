namespace Gandse.CostModels.Systolic;

/// <summary>The systolic cost model's metrics, named as the CLI, JSON and CSV name them.</summary>
public static class SystolicMetricNames
{
    public const string ComputeCycles = "compute_cycles";
    public const string StallCycles = "stall_cycles";
    public const string TotalCycles = "total_cycles";
    public const string Utilization = "utilization";
    public const string IfmapSramReads = "ifmap_sram_reads";
    public const string FilterSramReads = "filter_sram_reads";
    public const string OfmapSramWrites = "ofmap_sram_writes";
    public const string DramIfmapReads = "dram_ifmap_reads";
    public const string DramFilterReads = "dram_filter_reads";
    public const string DramOfmapWrites = "dram_ofmap_writes";
    public const string DramReads = "dram_reads";
    public const string DramWrites = "dram_writes";
    public const string Energy = "energy";
    public const string Area = "area";

    public static readonly IReadOnlyList<string> All = new[]
    {
        ComputeCycles, StallCycles, TotalCycles, Utilization, IfmapSramReads, FilterSramReads, OfmapSramWrites,
        DramIfmapReads, DramFilterReads, DramOfmapWrites, DramReads, DramWrites, Energy, Area,
    };
}
