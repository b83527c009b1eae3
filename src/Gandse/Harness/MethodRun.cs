namespace Gandse.Harness;

/// <summary>
/// One method, one seed: how it answered the comparison's queries. <see cref="Budget"/> is the designs it was
/// allowed to propose per query; the calls it caused are measured in <see cref="Summary"/>.
/// </summary>
public sealed record MethodRun(
    string Method,
    long Seed,
    Summary Summary,
    double TrainingSeconds,
    int Budget,
    IReadOnlyList<double> Qualities,
    IReadOnlyList<double> BestSoFar,
    double? Top1Accuracy,
    double? Top1FeasibleRate,
    double? Top1Quality)
{
    /// <summary>Score (mean of optimum over best-so-far, an infeasible best-so-far as 0) at each call checkpoint; empty in runs saved before it was measured.</summary>
    public IReadOnlyList<double> ScoreCurve { get; init; } = Array.Empty<double>();

    /// <summary>Share of queries whose best-so-far is optimal (tie-aware: any design with the optimum's cost) at each call checkpoint.</summary>
    public IReadOnlyList<double> ExactCurve { get; init; } = Array.Empty<double>();

    /// <summary>Share of queries whose first proposed design is the dataset's labelled optimum itself (top-1 in AIrchitect's sense).</summary>
    public double? FirstIsLabel { get; init; }
}
