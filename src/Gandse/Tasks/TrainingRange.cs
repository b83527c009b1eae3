using System.Globalization;
using Gandse.Conditions;
using Gandse.Config;

namespace Gandse.Tasks;

/// <summary>
/// Where a query lies beyond what a checkpoint was trained on: GEMM dims outside [dim_min, dim_max], budgets and
/// bandwidth outside the range of the values drawn. The model still answers (and the answer is still checked
/// exactly), but a learned proposer is only known to be good inside its training range, so users are told.
/// </summary>
public static class TrainingRange
{
    /// <summary>One phrase per value outside its training range, e.g. "M=10000 (trained on 8–4096)"; empty when inside.</summary>
    public static IReadOnlyList<string> Outside(DataConfig data, Condition condition)
    {
        var ranges = new (string Name, double Min, double Max)[]
        {
            (ConditionFields.M, data.DimMin, data.DimMax),
            (ConditionFields.N, data.DimMin, data.DimMax),
            (ConditionFields.K, data.DimMin, data.DimMax),
            (ConditionFields.MacBudget, data.MacBudgets.Min(), data.MacBudgets.Max()),
            (ConditionFields.SramBudgetKb, data.SramBudgetsKb.Min(), data.SramBudgetsKb.Max()),
            (ConditionFields.DramBandwidth, data.DramBandwidths.Min(), data.DramBandwidths.Max()),
        };
        IReadOnlyDictionary<string, double> values = condition.Values();
        var outside = new List<string>();
        foreach ((string name, double min, double max) in ranges)
        {
            if (values.TryGetValue(name, out double value) && double.IsFinite(value) && (value < min || value > max))
            {
                outside.Add(string.Create(CultureInfo.InvariantCulture, $"{name}={value:R} (trained on {min:R}–{max:R})"));
            }
        }

        return outside;
    }
}
