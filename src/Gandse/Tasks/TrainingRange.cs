using System.Globalization;
using Gandse.Conditions;

namespace Gandse.Tasks;

/// <summary>
/// Where a query lies beyond what a checkpoint was trained on (<see cref="IDseTask.TrainedRanges"/>). The model
/// still answers (and the answer is still checked exactly), but a learned proposer is only known to be good
/// inside its training range, so users are told.
/// </summary>
public static class TrainingRange
{
    /// <summary>One phrase per value outside its training range, e.g. "M=10000 (trained on 8–4096)"; empty when inside.</summary>
    public static IReadOnlyList<string> Outside(IDseTask task, Condition condition)
    {
        IReadOnlyDictionary<string, double> values = condition.Values();
        var outside = new List<string>();
        foreach ((string name, double min, double max) in task.TrainedRanges)
        {
            if (values.TryGetValue(name, out double value) && double.IsFinite(value) && (value < min || value > max))
            {
                outside.Add(string.Create(CultureInfo.InvariantCulture, $"{name}={value:R} (trained on {min:R}–{max:R})"));
            }
        }

        return outside;
    }
}
