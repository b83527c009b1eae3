using Gandse.Objectives;
using Gandse.Tasks;
using Gandse.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace Gandse.Harness;

/// <summary>
/// Verifies candidates with the exact cost model only where one could rank among the best
/// <c>count</c>. The task's closed-form lower bounds (<see cref="IDseTask.EvaluateBounds"/>) order a query's
/// candidates; they are checked exactly in that order, a growing batch at a time, until the next one's bound keys
/// are lexicographically above the <c>count</c>-th best distinct feasible outcome's exact keys (<see cref="CandidateRanking"/> lists one design per outcome). No candidate
/// left unchecked can beat or tie those, so the ranking is the one a full check gives. A query with fewer feasible
/// candidates than <c>count</c> is checked in full (its infeasible ones are ranked by exact violation). Unchecked
/// candidates come back infeasible, with infinite violation and their bounds as metrics.
/// </summary>
public static class BoundedVerification
{
    /// <summary>Candidates checked in the first batch; each later batch is twice the one before, up to <see cref="CandidateChunks.Size"/>.</summary>
    public const int FirstBatch = 128;

    /// <summary>Evaluates the candidates exactly where they could rank among the best <paramref name="count"/>, by their bounds.</summary>
    /// <param name="completeMappings">Complete each checked candidate's mappings first (<see cref="IDseTask.CompleteMappings"/>).</param>
    /// <param name="firstBatch">Candidates in the first exact batch (tests make it 1, so the stopping rule decides alone).</param>
    /// <returns>
    /// The evaluation [Q, N], how many candidates were checked exactly over all queries, and the candidates (the
    /// checked ones completed when asked), to rank.
    /// </returns>
    /// <param name="task">The task whose cost model checks them.</param>
    /// <param name="values">The conditions, as <see cref="IDseTask.ConditionValues"/> gives them.</param>
    /// <param name="candidates">Candidates [Q, N, P].</param>
    /// <param name="count">How many best candidates per query must be exact.</param>
    public static (CandidateEvaluation Evaluation, long Checked, Tensor Candidates) Evaluate(
        IDseTask task, ValueBatch values, Tensor candidates, int count, bool completeMappings = false, int firstBatch = FirstBatch)
    {
        int queries = (int)candidates.shape[0], perQuery = (int)candidates.shape[1];
        CandidateEvaluation? bounds = Bounds(task, values, candidates, completeMappings);
        if (bounds is null)
        {
            Tensor all = completeMappings ? task.CompleteMappings(values, candidates) : candidates;
            return (task.Evaluate(values, all), (long)queries * perQuery, all);
        }

        candidates = completeMappings ? candidates.clone() : candidates;

        IReadOnlyList<string> keys = task.Objective.Minimise;
        IReadOnlyList<string> names = task.MetricNames;
        double[][] metrics = names.Select(n => Flat(bounds.Metrics[n], queries, perQuery)).ToArray();
        // The bounds of the keys stay apart: checked candidates' metrics are overwritten with exact values.
        double[][] boundKeys = keys.Select(k => Flat(bounds.Metrics[k], queries, perQuery)).ToArray();
        int[] keyColumns = keys.Select(k => Index(names, k)).ToArray();
        bool[] boundFeasible = bounds.Feasible.to_type(ScalarType.Bool).expand(queries, perQuery).contiguous().data<bool>().ToArray();
        var feasible = new bool[queries * perQuery];
        double[] violation = Enumerable.Repeat(double.PositiveInfinity, queries * perQuery).ToArray();
        long checkedCount = 0;

        for (int q = 0; q < queries; q++)
        {
            int offset = q * perQuery;
            double[] Key(int i) => boundKeys.Select(k => k[offset + i]).ToArray();
            List<int> order = Enumerable.Range(0, perQuery).Where(i => boundFeasible[offset + i])
                .Select(i => (Index: i, Key: Key(i))).OrderBy(c => c.Key, KeyOrder.Instance).ThenBy(c => c.Index).Select(c => c.Index).ToList();
            var best = new Best(count);
            var isChecked = new bool[perQuery];
            int next = 0, batch = firstBatch;
            while (next < order.Count && !(best.Full && Lexicographic.Less(best.Worst, Key(order[next]))))
            {
                List<int> chosen = order.Skip(next).Take(batch).ToList();
                next += chosen.Count;
                batch = Math.Min(batch * 2, CandidateChunks.Size);
                Check(task, values, candidates, q, chosen, completeMappings, names, metrics, feasible, violation, offset);
                chosen.ForEach(i => isChecked[i] = true);
                checkedCount += chosen.Count;
                foreach (int i in chosen.Where(i => feasible[offset + i]))
                {
                    best.Offer(keyColumns.Select(m => metrics[m][offset + i]).ToArray());
                }
            }

            if (!best.Full)
            {
                List<int> rest = Enumerable.Range(0, perQuery).Where(i => !isChecked[i]).ToList();
                foreach (int[] slice in rest.Chunk(CandidateChunks.Size))
                {
                    Check(task, values, candidates, q, slice.ToList(), completeMappings, names, metrics, feasible, violation, offset);
                    checkedCount += slice.Length;
                }
            }
        }

        long[] shape = { queries, perQuery };
        var evaluation = new CandidateEvaluation(
            new ValueBatch(names.Select((n, m) => new KeyValuePair<string, Tensor>(n, tensor(metrics[m], shape, ScalarType.Float64)))),
            tensor(feasible, shape),
            tensor(violation, shape, ScalarType.Float64));
        return (evaluation, checkedCount, candidates);
    }

    /// <summary>
    /// The closed-form bounds of [Q, N, P] candidates, a slice of <see cref="CandidateChunks.Size"/> candidates at a
    /// time so their intermediates stay bounded; null when the task has none.
    /// </summary>
    private static CandidateEvaluation? Bounds(IDseTask task, ValueBatch values, Tensor candidates, bool completeMappings)
    {
        long queries = candidates.shape[0], perQuery = candidates.shape[1];
        if (perQuery <= CandidateChunks.Size)
        {
            return task.EvaluateBounds(values, candidates, completeMappings);
        }

        var metrics = new Dictionary<string, List<Tensor>>();
        var feasible = new List<Tensor>();
        var violation = new List<Tensor>();
        for (long start = 0; start < perQuery; start += CandidateChunks.Size)
        {
            using DisposeScope scope = NewDisposeScope();
            long length = Math.Min(CandidateChunks.Size, perQuery - start);
            CandidateEvaluation? slice = task.EvaluateBounds(values, candidates.narrow(1, start, length), completeMappings);
            if (slice is null)
            {
                return null;
            }

            foreach (string name in slice.Metrics.Names)
            {
                (metrics.TryGetValue(name, out List<Tensor>? parts) ? parts : metrics[name] = new List<Tensor>())
                    .Add(slice.Metrics[name].expand(queries, length).contiguous().MoveToOuterDisposeScope());
            }

            feasible.Add(slice.Feasible.expand(queries, length).contiguous().MoveToOuterDisposeScope());
            violation.Add(slice.Violation.expand(queries, length).contiguous().MoveToOuterDisposeScope());
        }

        return new CandidateEvaluation(
            new ValueBatch(metrics.Select(m => new KeyValuePair<string, Tensor>(m.Key, cat(m.Value, 1)))), cat(feasible, 1), cat(violation, 1));
    }

    /// <summary>
    /// Exact metrics of query <paramref name="q"/>'s candidates <paramref name="chosen"/>, written into the flat
    /// arrays; completed candidates are written back into <paramref name="candidates"/>.
    /// </summary>
    private static void Check(
        IDseTask task, ValueBatch values, Tensor candidates, int q, List<int> chosen, bool completeMappings, IReadOnlyList<string> names,
        double[][] metrics, bool[] feasible, double[] violation, int offset)
    {
        using IDisposable scope = NewDisposeScope();
        Tensor positions = tensor(chosen.Select(i => (long)i).ToArray());
        ValueBatch condition = values.Map(t => t.narrow(0, q, 1));
        Tensor picked = candidates.narrow(0, q, 1).index_select(1, positions);
        if (completeMappings)
        {
            picked = task.CompleteMappings(condition, picked);
            candidates.narrow(0, q, 1).index_copy_(1, positions, picked);
        }

        CandidateEvaluation exact = task.Evaluate(condition, picked);
        int n = chosen.Count;
        for (int m = 0; m < names.Count; m++)
        {
            double[] column = Flat(exact.Metrics[names[m]], 1, n);
            for (int j = 0; j < n; j++)
            {
                metrics[m][offset + chosen[j]] = column[j];
            }
        }

        bool[] ok = exact.Feasible.to_type(ScalarType.Bool).expand(1, n).contiguous().data<bool>().ToArray();
        double[] miss = Flat(exact.Violation, 1, n);
        for (int j = 0; j < n; j++)
        {
            feasible[offset + chosen[j]] = ok[j];
            violation[offset + chosen[j]] = miss[j];
        }
    }

    private static double[] Flat(Tensor values, int queries, int perQuery) =>
        values.to_type(ScalarType.Float64).expand(queries, perQuery).contiguous().data<double>().ToArray();

    private static int Index(IReadOnlyList<string> names, string name)
    {
        for (int i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }

        throw new ArgumentException($"the objective's key {name} is not one of the task's metrics");
    }

    /// <summary>The best <c>count</c> distinct designs' keys seen so far.</summary>
    private sealed class Best
    {
        private readonly int _count;
        private readonly HashSet<string> _outcomes = new(StringComparer.Ordinal);
        private readonly List<double[]> _sorted = new();

        public Best(int count) => _count = count;

        public bool Full => _sorted.Count >= _count;

        /// <summary>The <c>count</c>-th best keys (only when <see cref="Full"/>).</summary>
        public double[] Worst => _sorted[_count - 1];

        /// <summary>A checked feasible candidate's exact keys; one equal on every key to an earlier one is the same outcome (a ranked list shows one of them).</summary>
        public void Offer(double[] key)
        {
            if (!_outcomes.Add(Lexicographic.Outcome(key)))
            {
                return;
            }

            int at = _sorted.FindIndex(k => Lexicographic.Less(key, k));
            _sorted.Insert(at < 0 ? _sorted.Count : at, key);
        }
    }

    private sealed class KeyOrder : IComparer<double[]>
    {
        public static readonly KeyOrder Instance = new();

        public int Compare(double[]? a, double[]? b) => Lexicographic.Less(a!, b!) ? -1 : Lexicographic.Less(b!, a!) ? 1 : 0;
    }
}
