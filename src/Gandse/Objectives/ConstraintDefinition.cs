using Gandse.Tensors;
using TorchSharp;

namespace Gandse.Objectives;

/// <summary>
/// One constraint: a design's <see cref="Usage"/> (computed from its values and metrics) must not exceed the
/// condition value named <see cref="Bound"/>. An absent or infinite bound leaves the constraint inactive.
/// </summary>
public sealed record ConstraintDefinition(string Bound, string Description, Func<ValueBatch, ValueBatch, torch.Tensor> Usage);
