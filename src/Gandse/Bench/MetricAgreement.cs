namespace Gandse.Bench;

/// <summary>How one metric of Gandse's model compares with the real simulator's over the cases it analysed.</summary>
/// <param name="Metric">The metric's name.</param>
/// <param name="Cases">Cases compared.</param>
/// <param name="Equal">Cases with exactly the simulator's value.</param>
/// <param name="WithinTenthPercent">Cases within 0.1 % of it.</param>
/// <param name="WithinOnePercent">Cases within 1 % of it.</param>
/// <param name="MaxRelative">The largest relative difference.</param>
public sealed record MetricAgreement(string Metric, int Cases, int Equal, int WithinTenthPercent, int WithinOnePercent, double MaxRelative)
{
    /// <summary>The agreement of <paramref name="model"/> with <paramref name="simulator"/> values, pairwise.</summary>
    public static MetricAgreement Of(string metric, IReadOnlyList<double> model, IReadOnlyList<double> simulator)
    {
        double[] relative = model.Zip(simulator, (m, s) => m == s ? 0 : Math.Abs(m - s) / Math.Max(Math.Abs(s), 1e-300)).ToArray();
        return new MetricAgreement(
            metric, relative.Length, relative.Count(r => r == 0), relative.Count(r => r <= 1e-3), relative.Count(r => r <= 1e-2), relative.DefaultIfEmpty(0).Max());
    }
}
