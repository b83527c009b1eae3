using Gandse.Tensors;
using TorchSharp;

namespace Gandse.Objectives;

/// <summary>
/// One constraint: a design's <see cref="Usage"/> (computed from its values and metrics) must not exceed the
/// condition value named <see cref="Bound"/>. An absent or infinite bound leaves the constraint inactive.
/// </summary>
public sealed record ConstraintDefinition(string Bound, string Description, Func<ValueBatch, ValueBatch, torch.Tensor> Usage)
{
    /// <summary>The metric the usage is, when it is one (a surrogate learns it); null when usage comes from the design alone.</summary>
    public string? Metric { get; init; }

    /// <summary>A target to meet rather than a budget: the harness reports how often it is met and by how much it is missed.</summary>
    public bool IsTarget { get; init; }
}
