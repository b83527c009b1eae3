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
    /// <summary>The designs this model evaluates.</summary>
    DesignSpace Space { get; }

    /// <summary>The metrics <see cref="Evaluate"/> returns, by name.</summary>
    IReadOnlyList<string> MetricNames { get; }

    /// <summary>Metrics of designs (parameter values, [B] each) under conditions (workload dims and condition fields, [B] each): named [B] float64 tensors.</summary>
    ValueBatch Evaluate(ValueBatch designs, ValueBatch conditions);
}
