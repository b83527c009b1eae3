namespace Gandse.CostModels.Systolic;

/// <summary>The systolic cost model's metrics, named as the CLI, JSON and CSV name them.</summary>
public static class SystolicMetricNames
{
    /// <summary>Cycles the array computes, without stalls.</summary>
    public const string ComputeCycles = "compute_cycles";
    /// <summary>Cycles the array waits for DRAM.</summary>
    public const string StallCycles = "stall_cycles";
    /// <summary>Compute plus stall cycles: the latency.</summary>
    public const string TotalCycles = "total_cycles";
    /// <summary>Mean fraction of PEs doing useful MACs over the compute cycles.</summary>
    public const string Utilization = "utilization";
    /// <summary>Words read from the ifmap SRAM.</summary>
    public const string IfmapSramReads = "ifmap_sram_reads";
    /// <summary>Words read from the filter SRAM.</summary>
    public const string FilterSramReads = "filter_sram_reads";
    /// <summary>Words written to the ofmap SRAM.</summary>
    public const string OfmapSramWrites = "ofmap_sram_writes";
    /// <summary>Ifmap words read from DRAM.</summary>
    public const string DramIfmapReads = "dram_ifmap_reads";
    /// <summary>Filter words read from DRAM.</summary>
    public const string DramFilterReads = "dram_filter_reads";
    /// <summary>Ofmap words written to DRAM.</summary>
    public const string DramOfmapWrites = "dram_ofmap_writes";
    /// <summary>All words read from DRAM.</summary>
    public const string DramReads = "dram_reads";
    /// <summary>All words written to DRAM.</summary>
    public const string DramWrites = "dram_writes";
    /// <summary>Energy from the access counts and MACs, in the model's energy units.</summary>
    public const string Energy = "energy";
    /// <summary>Area of the PEs and SRAM banks, in the model's area units.</summary>
    public const string Area = "area";

    /// <summary>Every metric, in the order tables show them.</summary>
    public static readonly IReadOnlyList<string> All = new[]
    {
        ComputeCycles, StallCycles, TotalCycles, Utilization, IfmapSramReads, FilterSramReads, OfmapSramWrites,
        DramIfmapReads, DramFilterReads, DramOfmapWrites, DramReads, DramWrites, Energy, Area,
    };
}
