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
    double? Top1Quality);
