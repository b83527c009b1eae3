namespace Gandse.Harness;

/// <summary>
/// What the harness reports over a set of queries. Quality is the geometric mean of optimum / achieved cost
/// over the feasible answers; infeasible answers count in <see cref="FeasibleRate"/>, never silently dropped, and
/// <see cref="Score"/> is the mean of optimum / achieved with infeasible answers as 0.
/// </summary>
public sealed record Summary(
    int Queries,
    double FeasibleRate,
    double Quality,
    double ExactMatch,
    double? TargetMetRate,
    double? MeanTargetError,
    double P50Milliseconds,
    double P95Milliseconds,
    double Score)
{
    /// <summary>Mean distinct designs the exact cost model evaluated per query.</summary>
    public double DesignCallsPerQuery { get; init; }

    /// <summary>Mean distinct layer runs per query (a layer-by-layer simulator's calls; equal to designs for one layer).</summary>
    public double LayerCallsPerQuery { get; init; }

    /// <summary>Mean closed-form feature evaluations per query made while proposing.</summary>
    public double AnalyticCallsPerQuery { get; init; }

    /// <summary>Summarises outcomes: score, geomean quality, exact optima, feasibility, targets met, times and calls.</summary>
    public static Summary Of(IReadOnlyList<QueryOutcome> outcomes, bool hasTarget)
    {
        if (outcomes.Count == 0)
        {
            throw new ArgumentException("No queries to summarise.", nameof(outcomes));
        }

        var feasible = outcomes.Where(o => o.Feasible).ToList();
        double quality = feasible.Count == 0 ? 0 : Math.Exp(feasible.Average(o => Math.Log(o.Quality)));
        var times = outcomes.Select(o => o.Milliseconds).Order().ToList();
        var errors = outcomes.Where(o => o.TargetError is not null).Select(o => o.TargetError!.Value).ToList();
        return new Summary(
            outcomes.Count,
            (double)feasible.Count / outcomes.Count,
            quality,
            (double)outcomes.Count(o => o.ExactMatch) / outcomes.Count,
            hasTarget ? (double)outcomes.Count(o => o.TargetMet == true) / outcomes.Count : null,
            hasTarget && errors.Count > 0 ? errors.Average() : null,
            Percentile(times, 0.50),
            Percentile(times, 0.95),
            outcomes.Average(o => o.Quality))
        {
            DesignCallsPerQuery = outcomes.Average(o => (double)o.Calls.Designs),
            LayerCallsPerQuery = outcomes.Average(o => (double)o.Calls.Layers),
            AnalyticCallsPerQuery = outcomes.Average(o => o.Calls.Analytic),
        };
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double fraction) =>
        sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Count) - 1, 0, sorted.Count - 1)];
}
