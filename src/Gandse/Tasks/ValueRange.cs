namespace Gandse.Tasks;

/// <summary>The range of one condition value (a field or a workload dim) that a task's training data covered.</summary>
public sealed record ValueRange(string Name, double Min, double Max);
