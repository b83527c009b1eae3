namespace Gandse.Conditions;

/// <summary>Names of condition values, as cost models and objectives read them and as CSV columns spell them.</summary>
public static class ConditionFields
{
    public const string M = "M";
    public const string N = "N";
    public const string K = "K";
    public const string MacBudget = "mac_budget";
    public const string SramBudgetKb = "sram_budget_kb";
    public const string AreaBudget = "area_budget";
    public const string DramBandwidth = "dram_bw";
    public const string TargetLatency = "target_latency";

    public static readonly IReadOnlyList<string> Constraints = new[] { MacBudget, SramBudgetKb, AreaBudget, DramBandwidth };
}
