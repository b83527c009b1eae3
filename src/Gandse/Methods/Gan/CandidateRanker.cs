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
/// features); <c>hybrid</c> judges feasibility by the larger of bound and surrogate prediction, orders by the bounds
/// and breaks their ties by that estimate; <c>spread</c> is <c>hybrid</c> taken a band of bounds at a time (the best
/// of each band of about 3.5 % in bound first, then each band's second, ...), so a few calls try many arrays rather
/// than one array's buffer variants; <c>head</c> reads the checkpoint's <see cref="RankingHead"/>, trained on the
/// generator's own candidates: each metric predicted as its bound times the head's predicted excess, ordered by
/// the predicted primary cost less log2 of the predicted chance that the metric constraints hold (a candidate
/// that is half as likely to meet a target must be half as costly); <c>none</c> keeps the sampling order.
/// </summary>
public static class CandidateRanker
{
    /// <summary>The rankers <c>generate.ranker</c> may name.</summary>
    public static readonly IReadOnlyList<string> Names = new[] { "head", "head-spread", "spread", "hybrid", "surrogate", "discriminator", "bounds", "none" };

    // Added to a predicted-infeasible candidate's score: far above any log2 cost, so feasibility comes first.
    private const double InfeasibleOffset = 1e4;

    // log2 of distinct integer costs below 2^30 differ by more than 1.3e-9; a tie-break term of at most 64 x 1e-11 stays under that.
    private const double TieBreakScale = 1e-11;

    /// <summary>
    /// Scores of a slice of candidates, lower is better, [rows]: <paramref name="designs"/> [rows, P] indices,
    /// <paramref name="features"/> [rows, F], <paramref name="conditions"/> the rows' condition values, [rows] each.
    /// Null for <c>none</c>.
    /// </summary>
    public static Tensor? Score(string ranker, IDseTask task, GanNetworks networks, RankingHead? head, Tensor designs, Tensor features, ValueBatch conditions)
    {
        switch (ranker)
        {
            case "none":
                return null;
            case "head" or "head-spread":
            {
                if (head is null)
                {
                    throw new UsageException("generate.ranker 'head': this checkpoint has no ranking head; fit one with 'gandse checkpoint fit-ranker', or use one of "
                        + string.Join(", ", Names.Where(n => n != "head")));
                }

                (Tensor boundLog2, Tensor boundInputs, Tensor boundFeasible, Tensor violation) = RankingHeadRows.Bounds(task, conditions, designs);
                (Tensor excess, Tensor logit) = head.Predict(task.Space.OneHot(designs), features, boundInputs);
                Tensor predicted = boundLog2 + excess.to_type(ScalarType.Float64);
                Tensor key = SafeOps.Sub(predicted.select(-1, 0), nn.functional.logsigmoid(logit).to_type(ScalarType.Float64) / Math.Log(2));
                if (task.Objective.Minimise.Count > 1)
                {
                    key = SafeOps.Add(key, predicted.select(-1, 1).clamp(0, 64) * TieBreakScale);
                }

                return Combine(key, boundFeasible, violation);
            }
            case "discriminator":
                return -networks.DiscriminatorLogit(task.Space.OneHot(designs), features).to_type(ScalarType.Float64);
            case "bounds":
            {
                CandidateEvaluation bounds = task.EvaluateBounds(conditions, designs.unsqueeze(1), completeMappings: false)
                    ?? throw new UsageException($"generate.ranker 'bounds': task {task.Name} has no closed-form bounds; use one of {string.Join(", ", Names.Where(n => n != "bounds"))}");
                return Combine(bounds.Metrics[task.Objective.PrimaryMetric].squeeze(1).log2(), bounds.Feasible.squeeze(1), bounds.Violation.squeeze(1));
            }
            case "hybrid" or "spread":
            {
                // Each modelled metric estimated as the larger of its closed-form lower bound and the surrogate's
                // prediction (the bound alone is optimistic: against a latency target it passes designs whose stalls
                // miss it). Feasibility from those estimates; ordered by the bound of the cost, ties (the same array
                // and dataflow with other buffers, say) broken by the estimate, scaled below the gap between bounds.
                CandidateEvaluation bounds = task.EvaluateBounds(conditions, designs.unsqueeze(1), completeMappings: false)
                    ?? throw new UsageException($"generate.ranker 'hybrid': task {task.Name} has no closed-form bounds; use surrogate, discriminator or none");
                Objective objective = task.Objective;
                Tensor log2 = networks.SurrogateLog2(task.Space.OneHot(designs), features).to_type(ScalarType.Float64);
                var estimates = new ValueBatch(objective.ModelledMetrics.Select((m, i) =>
                    new KeyValuePair<string, Tensor>(m, maximum(bounds.Metrics[m].squeeze(1), log2.select(-1, i).exp2()))));
                ValueBatch values = task.Space.Values(designs);
                Tensor bound = bounds.Metrics[objective.PrimaryMetric].squeeze(1).log2();
                Tensor estimate = estimates[objective.PrimaryMetric].log2();
                return Combine(
                    SafeOps.Add(bound, estimate.clamp(0, 64) * TieBreakScale),
                    bounds.Feasible.squeeze(1) & objective.Feasible(values, estimates, conditions),
                    objective.Violation(values, estimates, conditions));
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

    /// <summary>
    /// As <see cref="Order"/>, then spread: the best of each group of candidates whose scores share an integer part
    /// of <paramref name="groupScale"/> x score first (in score order), then each group's second, and so on, so a few
    /// calls reach many different bounds instead of one bound's variants. With <paramref name="interleave"/>, the
    /// spread order and the plain score order take turns (each candidate once), so a budget of calls goes half to
    /// the best rated and half across the bands.
    /// </summary>
    public static Tensor OrderSpread(Tensor candidates, Tensor scores, double groupScale, bool interleave = false)
    {
        long queries = scores.shape[0], count = scores.shape[1];
        Tensor order = scores.sort(dim: 1, descending: false, stable: true).Indices;
        double[] sorted = scores.gather(1, order).contiguous().data<double>().ToArray();
        var spreadKey = new double[queries * count];
        for (long q = 0; q < queries; q++)
        {
            var seen = new Dictionary<double, int>();
            for (long i = 0; i < count; i++)
            {
                double group = Math.Floor(sorted[(q * count) + i] * groupScale);
                int within = seen.TryGetValue(group, out int n) ? n : 0;
                seen[group] = within + 1;
                spreadKey[(q * count) + i] = (within * (double)count) + i;
            }
        }

        Tensor spread = tensor(spreadKey, new[] { queries, count }).sort(dim: 1, descending: false, stable: true).Indices;
        if (interleave)
        {
            spread = Interleave(spread, count);
        }

        Tensor final = order.gather(1, spread);
        return candidates.gather(1, final.unsqueeze(-1).expand(-1, -1, candidates.shape[2]));
    }

    /// <summary>Per query, positions in score order [Q, N] alternated with the plain order 0, 1, 2, ..., each position once.</summary>
    private static Tensor Interleave(Tensor spread, long count)
    {
        long queries = spread.shape[0];
        long[] spreadOrder = spread.contiguous().data<long>().ToArray();
        var merged = new long[queries * count];
        for (long q = 0; q < queries; q++)
        {
            var taken = new bool[count];
            long plain = 0, fromSpread = 0, written = 0;
            while (written < count)
            {
                bool spreadTurn = written % 2 == 1;
                long next = -1;
                if (spreadTurn)
                {
                    while (fromSpread < count && taken[spreadOrder[(q * count) + fromSpread]])
                    {
                        fromSpread++;
                    }

                    next = fromSpread < count ? spreadOrder[(q * count) + fromSpread] : -1;
                }

                if (next < 0)
                {
                    while (taken[plain])
                    {
                        plain++;
                    }

                    next = plain;
                }

                taken[next] = true;
                merged[(q * count) + written++] = next;
            }
        }

        return tensor(merged, new[] { queries, count });
    }

    private static Tensor Combine(Tensor log2Cost, Tensor feasible, Tensor violation) =>
        where(feasible, log2Cost, SafeOps.Add(violation.nan_to_num(posinf: 1e3).clamp(0, 1e3), InfeasibleOffset));
}
