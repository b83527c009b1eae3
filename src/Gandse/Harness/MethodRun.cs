namespace Gandse.Harness;

/// <summary>One method, one seed: how it answered the comparison's queries.</summary>
public sealed record MethodRun(
    string Method,
    long Seed,
    Summary Summary,
    double TrainingSeconds,
    int CallsPerQuery,
    IReadOnlyList<double> Qualities,
    IReadOnlyList<double> BestSoFar,
    double? Top1Accuracy,
    double? Top1FeasibleRate,
    double? Top1Quality);
