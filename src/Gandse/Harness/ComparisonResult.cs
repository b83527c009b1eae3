using Gandse.Config;

namespace Gandse.Harness;

/// <summary>Everything a comparison measured, with the settings and checkpoints of the cost-model-call curve.</summary>
public sealed record ComparisonResult(
    ExperimentConfig Config,
    string Task,
    int Queries,
    IReadOnlyList<int> CallCheckpoints,
    IReadOnlyList<MethodRun> Runs,
    TimeSpan Elapsed)
{
    /// <summary>Stopped before every method and seed ran: the report covers the finished runs and says so.</summary>
    public bool Partial { get; init; }

    /// <summary>The task's literature figures (<see cref="Tasks.IDseTask.LiteratureAnchors"/>), printed beside the measured ones.</summary>
    public IReadOnlyList<string> Anchors { get; init; } = Array.Empty<string>();
}
