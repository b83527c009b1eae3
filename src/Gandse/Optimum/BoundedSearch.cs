using System.Diagnostics;
using Gandse.CostModels;
using Gandse.Objectives;
using Gandse.Spaces;
using Gandse.Tensors;
using TorchSharp;
using static Gandse.Tensors.SafeOps;
using static TorchSharp.torch;

namespace Gandse.Optimum;

/// <summary>
/// The exact optimum of a model with cheap bounds (<see cref="IBoundedCostModel"/>): every design is bounded, the
/// designs the bounds leave feasible are ranked by the bound of the primary cost, and evaluated in full in that
/// order, a batch at a time, until the next bound exceeds the best cost found (times 1 + the near-optimal
/// tolerance when near-optimal designs are asked for). No design it skips can beat or tie the optimum.
/// </summary>
internal sealed class BoundedSearch
{
    /// <summary>Designs evaluated in full per batch.</summary>
    public const int BatchSize = 2048;

    private readonly IBoundedCostModel _model;
    private readonly Objective _objective;
    private readonly long _chunkSize;

    public BoundedSearch(IBoundedCostModel model, Objective objective, long chunkSize)
    {
        _model = model;
        _objective = objective;
        _chunkSize = chunkSize;
    }

    public OptimumResult Find(IReadOnlyDictionary<string, double> condition, IReadOnlyDictionary<string, int>? fixedChoices, int nearCount, double nearTolerance)
    {
        var stopwatch = Stopwatch.StartNew();
        DesignSpace space = _model.Space;
        using IDisposable scope = NewDisposeScope();
        var conditions = new ValueBatch(condition.Select(pair => new KeyValuePair<string, Tensor>(pair.Key, tensor(pair.Value, ScalarType.Float64))));
        (Tensor order, Tensor sortedBounds, long candidates) = RankedCandidates(space, conditions, fixedChoices);
        double[] bounds = sortedBounds.data<double>().ToArray();
        long[] flat = order.data<long>().ToArray();

        double slack = nearCount > 0 ? 1 + nearTolerance : 1;
        double[]? bestKeys = null;
        long bestFlat = -1;
        Dictionary<string, double>? bestMetrics = null;
        var feasible = new List<(long Flat, double[] Keys)>();
        int next = 0;
        while (next < candidates && (bestKeys is null || bounds[next] <= bestKeys[0] * slack))
        {
            using IDisposable batchScope = NewDisposeScope();
            int count = (int)Math.Min(BatchSize, candidates - next);
            long[] batch = flat.AsSpan(next, count).ToArray();
            next += count;
            ValueBatch designs = space.Values(IndicesOf(space, tensor(batch)));
            ValueBatch metrics = _model.Evaluate(designs, conditions.Map(t => t.expand(count)));
            bool[] ok = _objective.Feasible(designs, metrics, conditions).expand(count).data<bool>().ToArray();
            double[][] keys = _objective.Keys(metrics).Select(key => key.expand(count).contiguous().data<double>().ToArray()).ToArray();
            for (int i = 0; i < count; i++)
            {
                if (!ok[i])
                {
                    continue;
                }

                double[] key = keys.Select(k => k[i]).ToArray();
                feasible.Add((batch[i], key));
                if (bestKeys is null || Lexicographic.Less(key, bestKeys) || (!Lexicographic.Less(bestKeys, key) && batch[i] < bestFlat))
                {
                    bestKeys = key;
                    bestFlat = batch[i];
                    bestMetrics = _model.MetricNames.ToDictionary(name => name, name => metrics[name].expand(count)[i].item<double>());
                }
            }
        }

        IReadOnlyList<Design> near = bestKeys is null || nearCount == 0
            ? Array.Empty<Design>()
            : feasible.Where(f => f.Keys[0] <= bestKeys[0] * (1 + nearTolerance))
                .OrderBy(f => f.Keys, KeyComparer.Instance).ThenBy(f => f.Flat)
                .Take(nearCount).Select(f => space.FromFlatIndex(f.Flat)).ToList();
        return new OptimumResult(bestKeys is null ? null : space.FromFlatIndex(bestFlat), bestMetrics, space.Size, candidates, stopwatch.Elapsed)
        {
            NearOptimal = near,
            EvaluatedCount = next,
        };
    }

    /// <summary>Flat indices of every design, ordered by the bound of the primary cost, infeasible ones last, and how many are not.</summary>
    private (Tensor Order, Tensor Bounds, long Candidates) RankedCandidates(DesignSpace space, ValueBatch conditions, IReadOnlyDictionary<string, int>? fixedChoices)
    {
        var chunks = new List<Tensor>();
        foreach ((int[] prefix, _) in ExhaustiveOptimum.Chunks(space, _chunkSize))
        {
            ValueBatch designs = space.Grid(prefix);
            ValueBatch bounds = _model.EvaluateBounds(designs, conditions);
            Tensor allowed = _objective.Feasible(designs, bounds, conditions);
            foreach ((string name, int choice) in fixedChoices ?? new Dictionary<string, int>())
            {
                allowed = allowed & Eq(designs[name], space[name].Value(choice));
            }

            long[] shape = space.Parameters.Skip(prefix.Length).Select(p => (long)p.Count).ToArray();
            chunks.Add(Where(allowed, bounds[_objective.PrimaryMetric], double.PositiveInfinity).expand(shape).reshape(-1));
        }

        Tensor all = cat(chunks.ToArray());
        (Tensor sorted, Tensor order) = all.sort(stable: true);
        return (order, sorted, all.isfinite().sum().item<long>());
    }

    /// <summary>Choice indices [B, P] of flat indices [B].</summary>
    private static Tensor IndicesOf(DesignSpace space, Tensor flat)
    {
        var columns = new Tensor[space.Parameters.Count];
        Tensor rest = flat;
        for (int p = space.Parameters.Count - 1; p >= 0; p--)
        {
            int count = space.Parameters[p].Count;
            columns[p] = rest.remainder(Integer(count));
            rest = rest.div(Integer(count), rounding_mode: RoundingMode.floor);
        }

        return stack(columns, -1);
    }

    private sealed class KeyComparer : IComparer<double[]>
    {
        public static readonly KeyComparer Instance = new();

        public int Compare(double[]? a, double[]? b) =>
            Lexicographic.Less(a!, b!) ? -1 : Lexicographic.Less(b!, a!) ? 1 : 0;
    }
}
