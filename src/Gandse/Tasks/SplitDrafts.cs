namespace Gandse.Tasks;

/// <summary>Drafts of the train, validation and test splits.</summary>
public sealed record SplitDrafts(IReadOnlyList<ConditionDraft> Train, IReadOnlyList<ConditionDraft> Val, IReadOnlyList<ConditionDraft> Test);
