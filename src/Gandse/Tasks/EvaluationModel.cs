namespace Gandse.Tasks;

/// <summary>Which of a task's models evaluates: the exact cost model, or its cheap stand-in for training targets.</summary>
public enum EvaluationModel
{
    /// <summary>The task's cost model: labels, verification, answers.</summary>
    Exact,

    /// <summary>
    /// A cheap model that ranks designs much as the cost model does (the systolic tasks: the streaming bound), for
    /// targets a training loop needs by the million (surrogate samples, a network's per-layer teacher).
    /// </summary>
    Streaming,
}
