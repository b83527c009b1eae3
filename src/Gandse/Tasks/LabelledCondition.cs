using Gandse.Conditions;
using Gandse.Spaces;

namespace Gandse.Tasks;

/// <summary>A condition with its exact optimum (design and metrics) and a set of near-optimal designs, best first.</summary>
public sealed record LabelledCondition(
    Condition Condition,
    Design Optimum,
    IReadOnlyDictionary<string, double> OptimumMetrics,
    IReadOnlyList<Design> NearOptimal);
