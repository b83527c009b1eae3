using Gandse.Tensors;

namespace Gandse.CostModels;

/// <summary>
/// A cost model whose metrics have cheap optimistic bounds: for every design, each bounded metric is at most its
/// exact value (so a constraint a bound breaks is broken, and a design whose bounded cost exceeds a known cost
/// cannot beat it). Exact searches evaluate the bounds everywhere and the model only where the bounds leave a
/// chance (<see cref="Optimum.ExhaustiveOptimum"/>).
/// </summary>
public interface IBoundedCostModel : ICostModel
{
    /// <summary>Lower bounds of <see cref="BoundedMetrics"/>, same shapes as <see cref="ICostModel.Evaluate"/>'s results.</summary>
    ValueBatch EvaluateBounds(ValueBatch designs, ValueBatch conditions);

    /// <summary>Metrics <see cref="EvaluateBounds"/> returns; all are costs (lower is better) or exact.</summary>
    IReadOnlyList<string> BoundedMetrics { get; }
}
