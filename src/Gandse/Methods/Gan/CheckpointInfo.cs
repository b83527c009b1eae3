namespace Gandse.Methods.Gan;

/// <summary>
/// What a checkpoint says about itself. <c>GandseVersion</c> is null in checkpoints written before it was recorded;
/// <c>Method</c> names the registered method whose weights follow (null in checkpoints written before any method but
/// the GAN had checkpoints, so they read as the GAN's). <c>RunDirectory</c> is the run folder that wrote it, where a
/// resumed run goes on writing (null in older checkpoints). <c>RankingHead</c> describes the ranking head stored after
/// the networks (null when the checkpoint has none).
/// </summary>
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
    string? GandseVersion = null,
    string? Method = null,
    string? RunDirectory = null,
    RankingHeadInfo? RankingHead = null)
{
    /// <summary>The method that wrote the checkpoint; gan for checkpoints from before methods were recorded.</summary>
    public string MethodName => Method ?? "gan";
}
