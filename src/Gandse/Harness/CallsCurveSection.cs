using System.Globalization;
using System.Text;

namespace Gandse.Harness;

/// <summary>
/// The report's calls section: every method's score and tie-aware accuracy after 1, 8, 64 and all its calls,
/// read off the same best-so-far curves the figure draws, so quality per simulator call can be compared in numbers.
/// </summary>
public static class CallsCurveSection
{
    /// <summary>The section's Markdown, or empty when no run measured the curves.</summary>
    public static string Markdown(IReadOnlyList<MethodAggregate> methods, IReadOnlyList<int> callCheckpoints)
    {
        var measured = methods.Where(m => m.ScoreCurve.Count == callCheckpoints.Count).ToList();
        if (measured.Count == 0)
        {
            return string.Empty;
        }

        int[] shown = Shown(callCheckpoints);
        bool labels = measured.Any(m => m.FirstIsLabel is not null);
        var text = new StringBuilder("\n## Quality per simulator call\n\n");
        text.Append("Best-so-far after each number of distinct designs evaluated, in the order the method proposed them. **score @ k**: the mean over queries of optimum/best-so-far after k calls, no feasible design yet counting 0. **optimal @ 1**: the first design is an optimal one (tie-aware: any design with the optimum's cost)");
        text.Append(labels ? "; **top-1**: the first design is the dataset's labelled optimum itself.\n\n" : ".\n\n");
        text.Append("| method | ").Append(string.Join(" | ", shown.Select(i => $"score @ {callCheckpoints[i]}"))).Append(" | optimal @ 1 |").Append(labels ? " top-1 |" : string.Empty).Append("\n|");
        text.Append(string.Concat(Enumerable.Repeat("---|", 2 + shown.Length + (labels ? 1 : 0)))).Append('\n');
        foreach (MethodAggregate m in measured)
        {
            text.Append("| ").Append(m.Method).Append(" | ");
            text.Append(string.Join(" | ", shown.Select(i => m.ScoreCurve[i].ToString("F4", CultureInfo.InvariantCulture))));
            text.Append(" | ").Append(Percent(m.ExactCurve[0])).Append(" |");
            if (labels)
            {
                text.Append(' ').Append(m.FirstIsLabel is Spread top1 ? Percent(top1.Mean) : "-").Append(" |");
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The checkpoints shown: 1, 8 and 64 calls when measured, and the budget.</summary>
    public static int[] Shown(IReadOnlyList<int> callCheckpoints) =>
        callCheckpoints.Select((c, i) => (c, i)).Where(p => p.c is 1 or 8 or 64 || p.i == callCheckpoints.Count - 1).Select(p => p.i).ToArray();

    private static string Percent(double share) => (share * 100).ToString("F1", CultureInfo.InvariantCulture) + " %";
}
