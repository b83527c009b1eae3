namespace Gandse.Methods.Gan;

/// <summary>What a checkpoint says about itself; <c>GandseVersion</c> is null in checkpoints written before it was recorded.</summary>
public sealed record CheckpointInfo(
    string Experiment,
    string Task,
    long Step,
    double BestScore,
    long Seed,
    string DatasetHash,
    string ConfigYaml,
    int FeatureCount,
    IReadOnlyList<string> SurrogateMetrics,
    DateTime SavedAtUtc,
    string? GandseVersion = null);
