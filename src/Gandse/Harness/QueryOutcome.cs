using Gandse.CostModels;
using Gandse.Spaces;

namespace Gandse.Harness;

/// <summary>
/// How one query was answered, against its exact optimum. <see cref="Quality"/> = optimum cost / achieved cost
/// (1 is optimal) for feasible answers; <see cref="TargetError"/> = |achieved latency − target| / target where
/// the query has a latency target.
/// </summary>
public sealed record QueryOutcome(
    Design Design,
    bool Feasible,
    double Cost,
    double OptimumCost,
    bool ExactMatch,
    double? TargetError,
    double Milliseconds)
{
    /// <summary>Whether the achieved latency meets the query's target (null without a target), whatever the budgets say.</summary>
    public bool? TargetMet { get; init; }

    /// <summary>The cost-model evaluations answering it caused, proposing, completion and verification included (<see cref="EvaluationLedger"/>).</summary>
    public EvaluationCount Calls { get; init; }

    /// <summary>Optimum cost over achieved cost; 0 when the answer is infeasible.</summary>
    public double Quality => Feasible ? OptimumCost / Cost : 0;
}
