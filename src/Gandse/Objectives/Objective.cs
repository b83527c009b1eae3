using Gandse.Tensors;
using TorchSharp;
using static Gandse.Tensors.SafeOps;
using static TorchSharp.torch;

namespace Gandse.Objectives;

/// <summary>
/// From metrics to a feasible mask and a cost to minimise: a design is feasible when it meets every
/// constraint; among feasible designs, <see cref="Minimise"/> is compared lexicographically (the first metric,
/// then the next to break ties).
/// </summary>
public sealed class Objective
{
    /// <summary>An objective called <paramref name="name"/> that minimises the metrics <paramref name="minimise"/> in order, subject to <paramref name="constraints"/>.</summary>
    public Objective(string name, IReadOnlyList<string> minimise, IReadOnlyList<ConstraintDefinition> constraints)
    {
        if (minimise.Count == 0)
        {
            throw new ArgumentException("An objective minimises at least one metric.", nameof(minimise));
        }

        Name = name;
        Minimise = minimise;
        Constraints = constraints;
    }

    /// <summary>The objective's name.</summary>
    public string Name { get; }

    /// <summary>The metrics minimised, most important first.</summary>
    public IReadOnlyList<string> Minimise { get; }

    /// <summary>
    /// Metrics that choose among designs equal on every key of <see cref="Minimise"/>, and only there: of two
    /// designs with the same latency and energy, the smaller is the better answer. They change no score (exact
    /// match and quality read <see cref="Minimise"/> alone).
    /// </summary>
    public IReadOnlyList<string> TieBreak { get; init; } = Array.Empty<string>();

    /// <summary><see cref="Minimise"/>, then <see cref="TieBreak"/>: the order answers are ranked in.</summary>
    public IReadOnlyList<string> RankingKeys => Minimise.Concat(TieBreak.Where(m => !Minimise.Contains(m))).ToList();

    /// <summary>The constraints a feasible design meets.</summary>
    public IReadOnlyList<ConstraintDefinition> Constraints { get; }

    /// <summary>The objective's target constraint (a latency target), or null when it has none.</summary>
    public ConstraintDefinition? Target => Constraints.FirstOrDefault(c => c.IsTarget);

    /// <summary>The metrics minimised, then those constraints bound, once each: what a surrogate must predict.</summary>
    public IReadOnlyList<string> ModelledMetrics => Minimise.Concat(Constraints.Select(c => c.Metric).OfType<string>()).Distinct().ToList();

    /// <summary>The primary cost: the first metric minimised.</summary>
    public string PrimaryMetric => Minimise[0];

    /// <summary>Whether each design meets every constraint, [B] bool.</summary>
    public Tensor Feasible(ValueBatch designs, ValueBatch metrics, ValueBatch conditions)
    {
        Tensor feasible = ones_like(metrics[PrimaryMetric], ScalarType.Bool);
        foreach (ConstraintDefinition constraint in Constraints)
        {
            if (conditions.TryGet(constraint.Bound, out Tensor bound))
            {
                feasible = feasible & (constraint.Usage(designs, metrics) <= bound);
            }
        }

        return feasible;
    }

    /// <summary>
    /// How far each design is from feasible: the sum over constraints of relative excess usage/bound − 1
    /// (0 when feasible). Used to return the nearest design when none is feasible.
    /// </summary>
    public Tensor Violation(ValueBatch designs, ValueBatch metrics, ValueBatch conditions)
    {
        Tensor violation = zeros_like(metrics[PrimaryMetric]);
        foreach (ConstraintDefinition constraint in Constraints)
        {
            if (conditions.TryGet(constraint.Bound, out Tensor bound))
            {
                violation = Add(violation, ClampMin(Sub(constraint.Usage(designs, metrics) / bound, 1), 0));
            }
        }

        return violation;
    }

    /// <summary>The minimised metrics' tensors, most important first.</summary>
    public IReadOnlyList<Tensor> Keys(ValueBatch metrics) => Minimise.Select(name => metrics[name]).ToList();
}
