using Gandse.Config;
using Gandse.Tasks.Maestro;
using Gandse.Tasks.Systolic;

namespace Gandse.Tasks;

/// <summary>The tasks an experiment config can name.</summary>
public static class TaskCatalog
{
    /// <summary>The task names a config may give.</summary>
    public static IReadOnlyList<string> Names { get; } = new[] { SystolicGemmTask.GemmName, SystolicGemmTask.LatencyTargetName, SystolicNetworkTask.TaskName, AirchitectTask.TaskName };

    /// <summary>The task <paramref name="config"/> names; an unknown name is a <see cref="UsageException"/> listing them.</summary>
    public static IDseTask Create(ExperimentConfig config) => config.Task switch
    {
        SystolicGemmTask.GemmName => new SystolicGemmTask(latencyTarget: false, config.Data),
        SystolicGemmTask.LatencyTargetName => new SystolicGemmTask(latencyTarget: true, config.Data),
        SystolicNetworkTask.TaskName => new SystolicNetworkTask(config.Data),
        AirchitectTask.TaskName => new AirchitectTask(config.Data),
        _ => throw new UsageException($"unknown task '{config.Task}'; allowed: {string.Join(", ", Names)}"),
    };
}
