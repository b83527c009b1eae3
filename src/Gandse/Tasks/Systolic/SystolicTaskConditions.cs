using Gandse.Conditions;
using Gandse.Config;
using Gandse.CostModels.Systolic;
using Gandse.Workloads;
using Gandse.Tasks;
using C = Gandse.CostModels.Systolic.SystolicConditions;

namespace Gandse.Tasks.Systolic;

/// <summary>
/// The conditions the systolic tasks read: MAC and SRAM budgets (default: the largest trained on), the DRAM
/// bandwidth and, for latency-target tasks, a required target. Area budgets are the space's, not the tasks'.
/// </summary>
public static class SystolicTaskConditions
{
    public static ConditionSchema Schema(DataConfig data, bool latencyTarget)
    {
        string[] names = latencyTarget
            ? new[] { C.MacBudget, C.SramBudgetKb, C.DramBandwidth, C.TargetLatency }
            : new[] { C.MacBudget, C.SramBudgetKb, C.DramBandwidth };
        ConditionSchema schema = C.Schema.Only(names)
            .With(C.MacBudget, f => f with { Default = data.MacBudgets.Max(), DefaultNote = "the largest budget trained on" })
            .With(C.SramBudgetKb, f => f with { Default = data.SramBudgetsKb.Max(), DefaultNote = "the largest budget trained on" });
        return latencyTarget ? schema.With(C.TargetLatency, f => f with { Required = true }) : schema;
    }

    /// <summary>A training condition: budgets and bandwidth drawn from the data settings; a target, if read, left for labelling.</summary>
    public static Condition Draw(ConditionSchema schema, Workload workload, DataConfig data, Random random)
    {
        var values = new Dictionary<string, double>
        {
            [C.DramBandwidth] = data.DramBandwidths[random.Next(data.DramBandwidths.Count)],
            [C.MacBudget] = data.MacBudgets[random.Next(data.MacBudgets.Count)],
            [C.SramBudgetKb] = data.SramBudgetsKb[random.Next(data.SramBudgetsKb.Count)],
        };
        return new Condition(workload, schema.Names.ToDictionary(n => n, n => values.TryGetValue(n, out double v) ? v : double.PositiveInfinity));
    }

    public static IReadOnlyList<ValueRange> TrainedRanges(DataConfig data, bool dims)
    {
        var ranges = new List<ValueRange>();
        if (dims)
        {
            ranges.Add(new(GemmFields.M, data.DimMin, data.DimMax));
            ranges.Add(new(GemmFields.N, data.DimMin, data.DimMax));
            ranges.Add(new(GemmFields.K, data.DimMin, data.DimMax));
        }

        ranges.Add(new(C.MacBudget, data.MacBudgets.Min(), data.MacBudgets.Max()));
        ranges.Add(new(C.SramBudgetKb, data.SramBudgetsKb.Min(), data.SramBudgetsKb.Max()));
        ranges.Add(new(C.DramBandwidth, data.DramBandwidths.Min(), data.DramBandwidths.Max()));
        return ranges;
    }
}
