using Gandse.CostModels.Systolic;
using Gandse.Objectives;
using P = Gandse.CostModels.Systolic.SystolicParameterNames;
using Metric = Gandse.CostModels.Systolic.SystolicMetricNames;

namespace Gandse.Tasks.Systolic;

/// <summary>Objectives and constraints of systolic-array tasks.</summary>
public static class SystolicObjectives
{
    /// <summary>Rows times cols within the MAC budget.</summary>
    public static readonly ConstraintDefinition MacBudget = new(
        SystolicConditions.MacBudget, "rows · cols ≤ mac_budget", (designs, _) => designs[P.Rows] * designs[P.Cols]);

    /// <summary>The three buffers within the SRAM budget.</summary>
    public static readonly ConstraintDefinition SramBudget = new(
        SystolicConditions.SramBudgetKb,
        "ifmap_sram_kb + filter_sram_kb + ofmap_sram_kb ≤ sram_budget_kb",
        (designs, _) => Gandse.Tensors.SafeOps.Add(Gandse.Tensors.SafeOps.Add(designs[P.IfmapSramKb], designs[P.FilterSramKb]), designs[P.OfmapSramKb]));

    /// <summary>Area within the area budget.</summary>
    public static readonly ConstraintDefinition AreaBudget = new(
        SystolicConditions.AreaBudget, "area ≤ area_budget", (_, metrics) => metrics[Metric.Area]) { Metric = Metric.Area };

    /// <summary>Total cycles within the latency target.</summary>
    public static readonly ConstraintDefinition LatencyTarget = new(
        SystolicConditions.TargetLatency, "total_cycles ≤ target_latency", (_, metrics) => metrics[Metric.TotalCycles])
    {
        Metric = Metric.TotalCycles,
        IsTarget = true,
    };

    /// <summary>Least total_cycles, ties broken by energy, within the MAC, SRAM and area budgets; of equal designs the smallest.</summary>
    public static Objective Latency() => new(
        "latency", new[] { Metric.TotalCycles, Metric.Energy }, new[] { MacBudget, SramBudget, AreaBudget }) { TieBreak = new[] { Metric.Area } };

    /// <summary>The cheapest design (least area, then energy) whose total_cycles meets the target latency, within budgets.</summary>
    public static Objective CheapestMeetingLatency() => new(
        "cheapest-meeting-latency", new[] { Metric.Area, Metric.Energy }, new[] { MacBudget, SramBudget, AreaBudget, LatencyTarget });

    /// <summary>The objectives optimum and evaluate may name.</summary>
    public static IReadOnlyList<string> Names { get; } = new[] { "latency", "cheapest-meeting-latency" };

    /// <summary>The objective named <paramref name="name"/>; an unknown name is a <see cref="UsageException"/> listing them.</summary>
    public static Objective ByName(string name) => name.Trim().ToLowerInvariant() switch
    {
        "latency" => Latency(),
        "cheapest-meeting-latency" => CheapestMeetingLatency(),
        _ => throw new UsageException($"unknown objective '{name}'; allowed: {string.Join(", ", Names)}"),
    };
}
