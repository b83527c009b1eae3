using Gandse.Tasks;

namespace Gandse.Methods;

/// <summary>
/// Scores a method on labelled queries as users' queries are answered (propose, verify exactly, keep the best).
/// Trainers that validate take one, so a method never reaches downstream into the harness that implements it.
/// </summary>
public interface IValidator
{
    /// <summary>Scores the method on validation queries with <paramref name="candidates"/> candidates each.</summary>
    ValidationScore Validate(IDseTask task, IMethod method, IReadOnlyList<LabelledCondition> queries, int candidates, bool completeMappings);
}
