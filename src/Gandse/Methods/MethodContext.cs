using Gandse.Config;
using Gandse.Data;
using Gandse.Tasks;

namespace Gandse.Methods;

/// <summary>
/// What a method is built from: the experiment (its <c>methods.*</c> section among them), the task, the dataset, a
/// seed, where it may write and how it may validate while training (the harness provides it). Training stops
/// early when <paramref name="Cancellation"/> is signalled; the caller then discards the method.
/// </summary>
public sealed record MethodContext(ExperimentConfig Config, IDseTask Task, Dataset Dataset, long Seed, string OutputDirectory, IValidator Validator, CancellationToken Cancellation = default)
{
    /// <summary>The name the method runs under (a variant's own name), so its files do not collide with another's.</summary>
    public string RunName { get; init; } = string.Empty;

    /// <summary>Where a method trained in a comparison keeps the checkpoints of run <paramref name="runName"/> for this seed.</summary>
    public string CheckpointFolder(string runName) => Path.Combine(OutputDirectory, "checkpoints", $"{runName}-s{Seed}");
}
