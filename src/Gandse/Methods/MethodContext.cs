using Gandse.Config;
using Gandse.Data;
using Gandse.Tasks;

namespace Gandse.Methods;

/// <summary>
/// What a method is built from: the experiment (its <c>methods.*</c> section among them), the task, the dataset, a
/// seed, where it may write and how it may validate while training (the harness provides it). Training stops
/// early when <paramref name="Cancellation"/> is signalled; the caller then discards the method.
/// </summary>
public sealed record MethodContext(ExperimentConfig Config, IDseTask Task, Dataset Dataset, long Seed, string OutputDirectory, IValidator Validator, CancellationToken Cancellation = default);
