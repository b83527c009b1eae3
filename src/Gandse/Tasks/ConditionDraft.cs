using Gandse.Conditions;

namespace Gandse.Tasks;

/// <summary>A condition before labelling. <see cref="TargetSlack"/> turns into a latency target for target tasks.</summary>
public sealed record ConditionDraft(Condition Condition, double TargetSlack);
