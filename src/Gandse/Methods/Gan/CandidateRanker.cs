using Gandse.Objectives;
using Gandse.Tasks;
using Gandse.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace Gandse.Methods.Gan;

/// <summary>
/// How the GAN orders its candidates before any is verified, so that a budget of N simulator calls goes to the
/// N it rates best (<c>generate.ranker</c>). None of them calls the cost model: <c>surrogate</c> reads the
/// surrogate's predicted metrics (predicted-feasible first, then by the predicted primary cost), checking the
/// constraints on design values (MAC and SRAM budgets) exactly; <c>discriminator</c> orders by the
/// discriminator's logit; <c>bounds</c> by the task's closed-form lower bounds (counted as closed-form, like
/// features); <c>hybrid</c> feasibility from the bounds and, as cost, the larger of the bound and the surrogate's
/// prediction; <c>none</c> keeps the sampling order.
/// </summary>
public static class CandidateRanker
{
    /// <summary>The rankers <c>generate.ranker</c> may name.</summary>
    public static readonly IReadOnlyList<string> Names = new[] { "hybrid", "surrogate", "discriminator", "bounds", "none" };

    // Added to a predicted-infeasible candidate's score: far above any log2 cost, so feasibility comes first.
    private const double InfeasibleOffset = 1e4;

    /// <summary>
    /// Scores of a slice of candidates, lower is better, [rows]: <paramref name="designs"/> [rows, P] indices,
    /// <paramref name="features"/> [rows, F], <paramref name="conditions"/> the rows' condition values, [rows] each.
    /// Null for <c>none</c>.
    /// </summary>
    public static Tensor? Score(string ranker, IDseTask task, GanNetworks networks, Tensor designs, Tensor features, ValueBatch conditions)
    {
        switch (ranker)
        {
            case "none":
                return null;
            case "discriminator":
                return -networks.DiscriminatorLogit(task.Space.OneHot(designs), features).to_type(ScalarType.Float64);
            case "bounds":
            {
                CandidateEvaluation bounds = task.EvaluateBounds(conditions, designs.unsqueeze(1), completeMappings: false)
                    ?? throw new UsageException($"generate.ranker 'bounds': task {task.Name} has no closed-form bounds; use one of {string.Join(", ", Names.Where(n => n != "bounds"))}");
                return Combine(bounds.Metrics[task.Objective.PrimaryMetric].squeeze(1).log2(), bounds.Feasible.squeeze(1), bounds.Violation.squeeze(1));
            }
            case "hybrid":
            {
                // The bound is a true lower bound of the cost, the surrogate an estimate that may fall below it: the
                // larger of the two, with feasibility from the bounds (exact for budgets, optimistic for targets).
                CandidateEvaluation bounds = task.EvaluateBounds(conditions, designs.unsqueeze(1), completeMappings: false)
                    ?? throw new UsageException($"generate.ranker 'hybrid': task {task.Name} has no closed-form bounds; use surrogate, discriminator or none");
                Tensor predicted = networks.SurrogateLog2(task.Space.OneHot(designs), features).select(-1, 0).to_type(ScalarType.Float64);
                Tensor bound = bounds.Metrics[task.Objective.PrimaryMetric].squeeze(1).log2();
                return Combine(maximum(bound, predicted), bounds.Feasible.squeeze(1), bounds.Violation.squeeze(1));
            }
            case "surrogate":
            {
                Objective objective = task.Objective;
                IReadOnlyList<string> modelled = objective.ModelledMetrics;
                Tensor log2 = networks.SurrogateLog2(task.Space.OneHot(designs), features).to_type(ScalarType.Float64);
                var metrics = new ValueBatch(modelled.Select((m, i) => new KeyValuePair<string, Tensor>(m, log2.select(-1, i).exp2())));
                ValueBatch values = task.Space.Values(designs);
                return Combine(log2.select(-1, 0), objective.Feasible(values, metrics, conditions), objective.Violation(values, metrics, conditions));
            }
            default:
                throw new UsageException($"unknown generate.ranker '{ranker}'; allowed: {string.Join(", ", Names)}");
        }
    }

    /// <summary>Candidates [Q, N, P] reordered per query by <paramref name="scores"/> [Q, N], best first; ties keep their order.</summary>
    public static Tensor Order(Tensor candidates, Tensor scores)
    {
        Tensor order = scores.sort(dim: 1, descending: false, stable: true).Indices;
        return candidates.gather(1, order.unsqueeze(-1).expand(-1, -1, candidates.shape[2]));
    }

    private static Tensor Combine(Tensor log2Cost, Tensor feasible, Tensor violation) =>
        where(feasible, log2Cost, SafeOps.Add(violation.nan_to_num(posinf: 1e3).clamp(0, 1e3), InfeasibleOffset));
}
