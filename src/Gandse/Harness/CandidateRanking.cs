using Gandse.Objectives;
using Gandse.Spaces;
using Gandse.Tasks;
using TorchSharp;

namespace Gandse.Harness;

/// <summary>
/// Orders verified candidates: feasible ones first by the objective's keys (lexicographic, then its tie-break
/// metrics), then infeasible ones by how far they miss. A list of several keeps one design per outcome: a
/// feasible design equal to a better one on every key (the same latency and energy from bigger buffers, say)
/// adds nothing to a top-k, so only the first of them is listed.
/// </summary>
public static class CandidateRanking
{
    /// <summary>The best <paramref name="count"/> distinct candidates of every query.</summary>
    public static IReadOnlyList<IReadOnlyList<RankedCandidate>> Rank(
        IDseTask task, CandidateEvaluation evaluation, torch.Tensor candidates, int count) =>
        count == 1 ? Best(task, evaluation, candidates) : Sorted(task, evaluation, candidates, count);

    /// <summary>
    /// The first of <see cref="Sorted"/>'s order, selected on tensors: the hot path of every query, which need
    /// not turn all its candidates into designs and sort them.
    /// </summary>
    private static IReadOnlyList<IReadOnlyList<RankedCandidate>> Best(IDseTask task, CandidateEvaluation evaluation, torch.Tensor candidates)
    {
        long queries = candidates.shape[0], perQuery = candidates.shape[1];
        long[] shape = { queries, perQuery };
        torch.Tensor feasible = evaluation.Feasible.to_type(torch.ScalarType.Bool).expand(shape);
        var keys = task.Objective.RankingKeys.Select(k => evaluation.Metrics[k].expand(shape)).ToList();
        (torch.Tensor best, torch.Tensor anyFeasible) = Lexicographic.ArgMin(feasible, keys, -1);
        (torch.Tensor nearest, _) = Lexicographic.ArgMin(
            torch.ones_like(feasible), keys.Prepend(evaluation.Violation.expand(shape)).ToList(), -1);
        torch.Tensor chosen = torch.where(anyFeasible, best, nearest);
        torch.Tensor picked = candidates.gather(1, chosen.view(-1, 1, 1).expand(-1, 1, candidates.shape[2])).squeeze(1);
        IReadOnlyList<Design> designs = task.Space.Designs(picked);
        bool[] isFeasible = feasible.gather(1, chosen.view(-1, 1)).squeeze(1).data<bool>().ToArray();
        double[] violation = evaluation.Violation.expand(shape).gather(1, chosen.view(-1, 1)).squeeze(1).contiguous().data<double>().ToArray();
        var metrics = task.MetricNames.ToDictionary(
            name => name, name => evaluation.Metrics[name].expand(shape).gather(1, chosen.view(-1, 1)).squeeze(1).contiguous().data<double>().ToArray());
        return Enumerable.Range(0, (int)queries)
            .Select(q => (IReadOnlyList<RankedCandidate>)new[] { new RankedCandidate(designs[q], isFeasible[q], violation[q], metrics.ToDictionary(m => m.Key, m => m.Value[q])) })
            .ToList();
    }

    private static IReadOnlyList<IReadOnlyList<RankedCandidate>> Sorted(
        IDseTask task, CandidateEvaluation evaluation, torch.Tensor candidates, int count)
    {
        int queries = (int)candidates.shape[0];
        int perQuery = (int)candidates.shape[1];
        IReadOnlyList<Design> designs = task.Space.Designs(candidates.reshape(queries * perQuery, -1));
        bool[] feasible = evaluation.Feasible.to_type(torch.ScalarType.Bool).expand(queries, perQuery).contiguous().data<bool>().ToArray();
        double[] violation = evaluation.Violation.expand(queries, perQuery).contiguous().data<double>().ToArray();
        var metrics = task.MetricNames.ToDictionary(
            name => name, name => evaluation.Metrics[name].expand(queries, perQuery).contiguous().data<double>().ToArray());
        IReadOnlyList<string> keys = task.Objective.RankingKeys;
        IReadOnlyList<string> outcome = task.Objective.Minimise;

        var ranked = new List<IReadOnlyList<RankedCandidate>>(queries);
        for (int q = 0; q < queries; q++)
        {
            int offset = q * perQuery;
            IEnumerable<int> order = Enumerable.Range(offset, perQuery)
                .OrderBy(i => feasible[i] ? 0 : 1)
                .ThenBy(i => feasible[i] ? 0 : violation[i])
                .ThenBy(i => keys.Select(k => metrics[k][i]).ToArray(), KeyOrder.Instance)
                .ThenBy(i => i);
            var seen = new HashSet<Design>();
            var outcomes = new HashSet<string>(StringComparer.Ordinal);
            var best = new List<RankedCandidate>(count);
            foreach (int i in order)
            {
                if (best.Count == count)
                {
                    break;
                }

                bool repeatsAnOutcome = feasible[i] && !outcomes.Add(Lexicographic.Outcome(outcome.Select(k => metrics[k][i])));
                if (seen.Add(designs[i]) && !repeatsAnOutcome)
                {
                    best.Add(new RankedCandidate(designs[i], feasible[i], violation[i], metrics.ToDictionary(m => m.Key, m => m.Value[i])));
                }
            }

            ranked.Add(best);
        }

        return ranked;
    }

    private sealed class KeyOrder : IComparer<double[]>
    {
        public static readonly KeyOrder Instance = new();

        public int Compare(double[]? a, double[]? b) => Lexicographic.Less(a!, b!) ? -1 : Lexicographic.Less(b!, a!) ? 1 : 0;
    }
}
