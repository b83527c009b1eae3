using Gandse.Config;
using Gandse.Data;
using Gandse.Tasks;

namespace Gandse.Methods;

/// <summary>What a method is built from: the experiment (its <c>methods.*</c> section among them), the task, the dataset, a seed and where it may write.</summary>
public sealed record MethodContext(ExperimentConfig Config, IDseTask Task, Dataset Dataset, long Seed, string OutputDirectory);
