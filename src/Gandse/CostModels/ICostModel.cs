using Gandse.Spaces;
using Gandse.Tensors;

namespace Gandse.CostModels;

/// <summary>
/// Evaluates designs under conditions, batched. <c>designs</c> holds one value tensor per parameter of
/// <see cref="Space"/>, <c>conditions</c> the condition values the model reads; the two broadcast against each
/// other and the result holds one tensor per metric in <see cref="MetricNames"/>, all of the broadcast shape.
/// </summary>
public interface ICostModel
{
    DesignSpace Space { get; }

    IReadOnlyList<string> MetricNames { get; }

    ValueBatch Evaluate(ValueBatch designs, ValueBatch conditions);
}
