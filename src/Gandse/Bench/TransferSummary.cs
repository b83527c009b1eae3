namespace Gandse.Bench;

/// <summary>
/// One method on one kind of transfer sequence, over the queries that had earlier ones to transfer from (every
/// position after the first) or over the first queries alone (where bo and bo-transfer must agree).
/// </summary>
/// <param name="Method">bo or bo-transfer.</param>
/// <param name="Kind">budgets or layers.</param>
/// <param name="Later">True for the queries after the first of each sequence.</param>
/// <param name="Queries">How many queries.</param>
/// <param name="ScoreAt">Mean best-so-far quality (infeasible 0) after each of <see cref="Calls"/> calls.</param>
/// <param name="Reached">Fraction of queries whose best reached 0.99 of the optimum within the budget.</param>
/// <param name="MedianCallsTo99">Median calls to reach 0.99, unreached queries counted as never; null when at least half never did.</param>
public sealed record TransferSummary(string Method, string Kind, bool Later, int Queries, IReadOnlyList<double> ScoreAt, double Reached, double? MedianCallsTo99)
{
    /// <summary>The calls at which <see cref="ScoreAt"/> is taken.</summary>
    public static readonly int[] Calls = { 1, 4, 16, 64 };

    /// <summary>Summaries per method, kind and position group, in the order met.</summary>
    public static IReadOnlyList<TransferSummary> Of(IReadOnlyList<TransferQuery> queries) => queries
        .GroupBy(q => (q.Method, q.Kind, Later: q.Position > 0))
        .Select(g =>
        {
            var list = g.ToList();
            double[] calls = list.Select(q => q.CallsTo(0.99) is int c ? c : double.PositiveInfinity).OrderBy(c => c).ToArray();
            double median = calls.Length % 2 == 1 ? calls[calls.Length / 2] : (calls[(calls.Length / 2) - 1] + calls[calls.Length / 2]) / 2;
            return new TransferSummary(
                g.Key.Method, g.Key.Kind, g.Key.Later, list.Count,
                Calls.Select(c => list.Average(q => q.At(c))).ToList(),
                list.Count(q => q.CallsTo(0.99) is not null) / (double)list.Count,
                double.IsFinite(median) ? median : null);
        })
        .OrderBy(s => s.Kind).ThenBy(s => s.Later).ThenBy(s => s.Method)
        .ToList();
}
