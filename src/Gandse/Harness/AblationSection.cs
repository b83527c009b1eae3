using System.Globalization;
using System.Text;
using Gandse.Methods;

namespace Gandse.Harness;

/// <summary>
/// The report's ablation section: each variant beside the method it removes a part from, with the change in
/// score and in the best-so-far curve, said plainly (a part that adds nothing is a finding).
/// </summary>
public static class AblationSection
{
    /// <summary>The section's Markdown, or empty when no variant ran beside its base method.</summary>
    public static string Markdown(IReadOnlyList<MethodAggregate> methods, IReadOnlyList<int> callCheckpoints)
    {
        var pairs = methods
            .Select(m => (Variant: m, Entry: MethodCatalog.Get(m.Method)))
            .Where(p => p.Entry.VariantOf is not null && methods.Any(b => b.Method == p.Entry.VariantOf))
            .ToList();
        if (pairs.Count == 0)
        {
            return string.Empty;
        }

        int[] shown = CallsCurveSection.Shown(callCheckpoints);
        var text = new StringBuilder("\n## Ablations\n\n");
        text.Append("Each variant trains with the same data, steps and seeds as the method it ablates, one part removed (its settings in `results.json`, `config`, plus the overrides named). Change is the variant's score minus the base's.\n\n");
        text.Append("| variant | removes | score | change | ").Append(string.Join(" | ", shown.Select(i => $"best of {callCheckpoints[i]}"))).Append(" |\n|");
        text.Append(string.Concat(Enumerable.Repeat("---|", 4 + shown.Length))).Append('\n');
        foreach ((MethodAggregate variant, MethodEntry entry) in pairs)
        {
            MethodAggregate original = methods.First(b => b.Method == entry.VariantOf);
            double change = variant.Score.Mean - original.Score.Mean;
            text.Append(CultureInfo.InvariantCulture, $"| {variant.Method} | `{string.Join(", ", entry.Overrides.Where(o => !o.StartsWith("methods.gan.checkpoint", StringComparison.Ordinal)))}` | {variant.Score.Format("F4")} | {change:+0.0000;-0.0000;0.0000} | ");
            text.Append(string.Join(" | ", shown.Select(i => $"{variant.BestSoFar[i]:F3} ({original.BestSoFar[i]:F3})"))).Append(" |\n");
        }

        text.Append("\nIn brackets: the base method's best-so-far at the same calls.\n\n");
        foreach ((MethodAggregate variant, MethodEntry entry) in pairs)
        {
            MethodAggregate original = methods.First(b => b.Method == entry.VariantOf);
            text.Append("- ").Append(Verdict(variant, original)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// What the change did, in words: differences inside twice the seeds' spread are called noise, and so is one under
    /// <see cref="Negligible"/> (a tenth of a percent of score: with 100 queries, one answer 10 % worse), which no
    /// single-seed comparison can tell from chance.
    /// </summary>
    private const double Negligible = 0.001;

    private static string Verdict(MethodAggregate variant, MethodAggregate original)
    {
        double change = variant.Score.Mean - original.Score.Mean;
        double noise = 2 * Math.Max(variant.Score.Std, original.Score.Std);
        int seeds = Math.Min(variant.Seeds, original.Seeds);
        string size = Math.Abs(change).ToString("F4", CultureInfo.InvariantCulture);
        if (seeds > 1 && Math.Abs(change) <= noise)
        {
            return $"{variant.Method} scores within twice the seeds' spread ({noise.ToString("F4", CultureInfo.InvariantCulture)}) of {original.Method}: on this task the change makes no measurable difference to the score.";
        }

        string caveat = seeds > 1 ? string.Empty : " One seed, so the spread between seeds is not measured.";
        if (Math.Abs(change) < Negligible)
        {
            return $"{variant.Method} scores within {Negligible.ToString("F3", CultureInfo.InvariantCulture)} of {original.Method} ({(change < 0 ? "-" : "+")}{size}): what it changes makes no measurable difference here.{caveat}";
        }

        return change < 0
            ? $"{variant.Method} scores {size} below {original.Method}: what it changes matters here.{caveat}"
            : change == 0
                ? $"{variant.Method} scores the same as {original.Method}: what it changes adds nothing measurable here.{caveat}"
                : $"{variant.Method} scores {size} above {original.Method}: the change does better than {original.Method}'s default here (a removed part that was not helping, or a replacement that helps).{caveat}";
    }
}
