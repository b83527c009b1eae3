using Gandse.Methods;
using Gandse.Tasks;

namespace Gandse.Harness;

/// <summary>Validation by the harness' own scoring: all queries in one batch (<see cref="Scorer.ScoreBatch"/>), summarised as reports are.</summary>
public sealed class HarnessValidator : IValidator
{
    /// <summary>The one instance.</summary>
    public static HarnessValidator Instance { get; } = new();

    /// <inheritdoc/>
    public ValidationScore Validate(IDseTask task, IMethod method, IReadOnlyList<LabelledCondition> queries, int candidates, bool completeMappings)
    {
        Summary summary = Summary.Of(Scorer.ScoreBatch(task, method, queries, candidates, completeMappings), task.Objective.Target is not null);
        return new ValidationScore(summary.FeasibleRate, summary.Quality, summary.ExactMatch, summary.Score);
    }
}
