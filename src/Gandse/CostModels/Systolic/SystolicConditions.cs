using Gandse.Conditions;
using Gandse.Workloads;

namespace Gandse.CostModels.Systolic;

/// <summary>
/// The condition fields of the systolic space: three budgets, the DRAM bandwidth the array sits behind and a
/// latency target. Tasks on this space read a subset (<see cref="ConditionSchema.Only"/>), with their own defaults.
/// </summary>
public static class SystolicConditions
{
    /// <summary>Most PEs (rows times cols) the design may have.</summary>
    public const string MacBudget = "mac_budget";
    /// <summary>Most SRAM in KB (the three buffers together).</summary>
    public const string SramBudgetKb = "sram_budget_kb";
    /// <summary>Largest area the design may have, in the model's area units.</summary>
    public const string AreaBudget = "area_budget";
    /// <summary>DRAM bandwidth in words per cycle.</summary>
    public const string DramBandwidth = "dram_bw";
    /// <summary>Most total cycles the answer may take.</summary>
    public const string TargetLatency = "target_latency";

    // Upper limits stay below 2^53, so every allowed value is exact in float64.
    /// <summary>Every condition field of the systolic space, with defaults and ranges.</summary>
    public static readonly ConditionSchema Schema = new(new[]
    {
        new ConditionField(MacBudget, "PEs", "most PEs allowed: rows · cols ≤ N", FieldRole.Budget, 1, 1e12, new FieldEncoding(16, 512 * 512)) { Integer = true, Drawn = new double[] { 256, 1024, 4096, 16384 } },
        new ConditionField(SramBudgetKb, "KB", "most SRAM allowed over the three buffers", FieldRole.Budget, 1e-3, 1e9, new FieldEncoding(13, 3 * 2048)) { Drawn = new double[] { 96, 384, 1536, 6144 } },
        new ConditionField(AreaBudget, "MAESTRO area units", "most area allowed", FieldRole.Budget, 1e-6, 1e15, new FieldEncoding(30, 1)),
        new ConditionField(DramBandwidth, "words/cycle", "DRAM bandwidth, as SCALE-Sim's Bandwidth setting", FieldRole.Environment, 1, 1e6, new FieldEncoding(6, 1))
        {
            Integer = true,
            Default = SystolicSpace.DefaultDramBandwidth,
            DefaultNote = "SCALE-Sim v2's google.cfg",
            Drawn = new double[] { 4, 16, 64 },
        },
        new ConditionField(TargetLatency, "cycles", "latency target: total_cycles ≤ target", FieldRole.Target, 1, 1e15, new FieldEncoding(30, 1)),
    });

    /// <summary>A systolic query with the values given and the rest unbounded (for code and tests; users go through a schema).</summary>
    public static Condition Of(
        Workload workload, double dramBandwidth = SystolicSpace.DefaultDramBandwidth, double? macBudget = null, double? sramBudgetKb = null, double? areaBudget = null, double? targetLatency = null) =>
        new(workload, new Dictionary<string, double>
        {
            [MacBudget] = macBudget ?? double.PositiveInfinity,
            [SramBudgetKb] = sramBudgetKb ?? double.PositiveInfinity,
            [AreaBudget] = areaBudget ?? double.PositiveInfinity,
            [DramBandwidth] = dramBandwidth,
            [TargetLatency] = targetLatency ?? double.PositiveInfinity,
        });
}
