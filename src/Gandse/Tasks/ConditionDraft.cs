using Gandse.Conditions;

namespace Gandse.Tasks;

/// <summary>
/// A condition before labelling. <see cref="TargetSlack"/> turns into a latency target for target tasks. A condition
/// read from an existing dataset carries that dataset's own answer (<see cref="Label"/>, its cost <see cref="LabelCost"/>),
/// which labelling checks against the exact optimum.
/// </summary>
public sealed record ConditionDraft(Condition Condition, double TargetSlack)
{
    /// <summary>The source dataset's answer, or null.</summary>
    public Spaces.Design? Label { get; init; }

    /// <summary>The source dataset's cost of <see cref="Label"/>, or null.</summary>
    public double? LabelCost { get; init; }
}
