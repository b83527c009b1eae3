namespace Gandse.CostModels.Systolic;

/// <summary>Parameter names of the systolic design space.</summary>
public static class SystolicParameterNames
{
    /// <summary>PE rows of the array.</summary>
    public const string Rows = "rows";
    /// <summary>PE columns of the array.</summary>
    public const string Cols = "cols";
    /// <summary>The dataflow (os, ws, is).</summary>
    public const string Dataflow = "dataflow";
    /// <summary>Ifmap SRAM in KB.</summary>
    public const string IfmapSramKb = "ifmap_sram_kb";
    /// <summary>Filter SRAM in KB.</summary>
    public const string FilterSramKb = "filter_sram_kb";
    /// <summary>Ofmap SRAM in KB.</summary>
    public const string OfmapSramKb = "ofmap_sram_kb";
}
