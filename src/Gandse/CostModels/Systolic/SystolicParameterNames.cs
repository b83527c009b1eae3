namespace Gandse.CostModels.Systolic;

/// <summary>Parameter names of the systolic design space.</summary>
public static class SystolicParameterNames
{
    public const string Rows = "rows";
    public const string Cols = "cols";
    public const string Dataflow = "dataflow";
    public const string IfmapSramKb = "ifmap_sram_kb";
    public const string FilterSramKb = "filter_sram_kb";
    public const string OfmapSramKb = "ofmap_sram_kb";
}
