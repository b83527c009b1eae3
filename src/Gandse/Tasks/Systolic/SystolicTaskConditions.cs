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
    /// <summary>What training conditions draw from, in the order they are drawn (the order keeps datasets reproducible).</summary>
    private static readonly string[] DrawOrder = { C.DramBandwidth, C.MacBudget, C.SramBudgetKb };

    /// <summary>The condition fields of a systolic task, with the ranges <paramref name="data"/> draws; <paramref name="owner"/> names the task in errors.</summary>
    public static ConditionSchema Schema(DataConfig data, bool latencyTarget, string owner)
    {
        string[] names = latencyTarget
            ? new[] { C.MacBudget, C.SramBudgetKb, C.DramBandwidth, C.TargetLatency }
            : new[] { C.MacBudget, C.SramBudgetKb, C.DramBandwidth };
        ConditionSchema drawn = C.Schema.Only(names);
        IReadOnlyDictionary<string, IReadOnlyList<double>> draws = drawn.Draws(data.Draw, owner);
        ConditionSchema schema = drawn
            .With(C.MacBudget, f => f with { Default = draws[C.MacBudget].Max(), DefaultNote = "the largest budget trained on", Drawn = draws[C.MacBudget] })
            .With(C.SramBudgetKb, f => f with { Default = draws[C.SramBudgetKb].Max(), DefaultNote = "the largest budget trained on", Drawn = draws[C.SramBudgetKb] })
            .With(C.DramBandwidth, f => f with { Drawn = draws[C.DramBandwidth] });
        return latencyTarget ? schema.With(C.TargetLatency, f => f with { Required = true }) : schema;
    }

    /// <summary>A training condition: budgets and bandwidth drawn from the schema's values; a target, if read, left for labelling.</summary>
    public static Condition Draw(ConditionSchema schema, Workload workload, Random random)
    {
        var values = new Dictionary<string, double>();
        foreach (string name in DrawOrder)
        {
            IReadOnlyList<double> from = schema.Find(name)!.Drawn!;
            values[name] = from[random.Next(from.Count)];
        }

        return new Condition(workload, schema.Names.ToDictionary(n => n, n => values.TryGetValue(n, out double v) ? v : double.PositiveInfinity));
    }

    /// <summary>What the dataset depends on beyond data.*: the drawn values (defaults come from code).</summary>
    public static string DrawFingerprint(ConditionSchema schema) =>
        string.Join(";", schema.Fields.Where(f => f.Drawn is not null).Select(f => $"{f.Name}=[{string.Join(",", f.Drawn!.Select(ConditionField.Format))}]"));

    /// <summary>The ranges the training data covered, the workload dims included when <paramref name="dims"/>.</summary>
    public static IReadOnlyList<ValueRange> TrainedRanges(ConditionSchema schema, DataConfig data, bool dims)
    {
        var ranges = new List<ValueRange>();
        if (dims)
        {
            ranges.Add(new(GemmFields.M, data.DimMin, data.DimMax));
            ranges.Add(new(GemmFields.N, data.DimMin, data.DimMax));
            ranges.Add(new(GemmFields.K, data.DimMin, data.DimMax));
        }

        ranges.AddRange(schema.Fields.Where(f => f.Drawn is not null).Select(f => new ValueRange(f.Name, f.Drawn!.Min(), f.Drawn!.Max())));
        return ranges;
    }
}
