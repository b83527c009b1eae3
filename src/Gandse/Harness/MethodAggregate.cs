namespace Gandse.Harness;

/// <summary>One method's measures over all seeds of a comparison.</summary>
public sealed record MethodAggregate(
    string Method,
    int Seeds,
    Spread FeasibleRate,
    Spread Quality,
    Spread ExactMatch,
    Spread? TargetMet,
    Spread? TargetError,
    Spread P50Milliseconds,
    Spread P95Milliseconds,
    int Budget,
    Spread Score,
    Spread DesignCalls,
    Spread LayerCalls,
    Spread AnalyticCalls,
    Spread TrainingSeconds,
    Spread? Top1Accuracy,
    Spread? Top1FeasibleRate,
    Spread? Top1Quality,
    IReadOnlyList<double> BestSoFar,
    IReadOnlyList<double> Qualities)
{
    /// <summary>Mean over seeds of the score at each call checkpoint (empty when a run predates it).</summary>
    public IReadOnlyList<double> ScoreCurve { get; init; } = Array.Empty<double>();

    /// <summary>Mean over seeds of the tie-aware exact-match share at each call checkpoint.</summary>
    public IReadOnlyList<double> ExactCurve { get; init; } = Array.Empty<double>();

    /// <summary>Share of queries whose first proposal is the labelled optimum design, over seeds.</summary>
    public Spread? FirstIsLabel { get; init; }

    /// <summary>One aggregate per method, over its seeds, in the order the comparison ran them.</summary>
    public static IReadOnlyList<MethodAggregate> Of(ComparisonResult result) => result.Runs
        .GroupBy(r => r.Method)
        .Select(g => new MethodAggregate(
            g.Key,
            g.Count(),
            Spread.Of(g.Select(r => r.Summary.FeasibleRate)),
            Spread.Of(g.Select(r => r.Summary.Quality)),
            Spread.Of(g.Select(r => r.Summary.ExactMatch)),
            g.First().Summary.TargetMetRate is null ? null : Spread.Of(g.Select(r => r.Summary.TargetMetRate!.Value)),
            g.First().Summary.MeanTargetError is null ? null : Spread.Of(g.Select(r => r.Summary.MeanTargetError!.Value)),
            Spread.Of(g.Select(r => r.Summary.P50Milliseconds)),
            Spread.Of(g.Select(r => r.Summary.P95Milliseconds)),
            g.First().Budget,
            Spread.Of(g.Select(r => r.Summary.Score)),
            Spread.Of(g.Select(r => r.Summary.DesignCallsPerQuery)),
            Spread.Of(g.Select(r => r.Summary.LayerCallsPerQuery)),
            Spread.Of(g.Select(r => r.Summary.AnalyticCallsPerQuery)),
            Spread.Of(g.Select(r => r.TrainingSeconds)),
            g.First().Top1Accuracy is null ? null : Spread.Of(g.Select(r => r.Top1Accuracy!.Value)),
            g.First().Top1FeasibleRate is null ? null : Spread.Of(g.Select(r => r.Top1FeasibleRate!.Value)),
            g.First().Top1Quality is null ? null : Spread.Of(g.Select(r => r.Top1Quality!.Value)),
            Enumerable.Range(0, result.CallCheckpoints.Count).Select(i => Math.Exp(g.Average(r => Math.Log(Math.Max(r.BestSoFar[i], 1e-300))))).ToList(),
            g.SelectMany(r => r.Qualities).ToList())
        {
            ScoreCurve = MeanCurve(g.Select(r => r.ScoreCurve).ToList(), result.CallCheckpoints.Count),
            ExactCurve = MeanCurve(g.Select(r => r.ExactCurve).ToList(), result.CallCheckpoints.Count),
            FirstIsLabel = g.All(r => r.FirstIsLabel is not null) ? Spread.Of(g.Select(r => r.FirstIsLabel!.Value)) : null,
        })
        .ToList();

    private static IReadOnlyList<double> MeanCurve(IReadOnlyList<IReadOnlyList<double>> curves, int points) =>
        curves.All(c => c.Count == points)
            ? Enumerable.Range(0, points).Select(i => curves.Average(c => c[i])).ToList()
            : Array.Empty<double>();
}
