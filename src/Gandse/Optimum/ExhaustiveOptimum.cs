using System.Diagnostics;
using System.Numerics;
using Gandse.CostModels;
using Gandse.Objectives;
using Gandse.Spaces;
using Gandse.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace Gandse.Optimum;

/// <summary>
/// The exact optimum by enumerating every design. The space is cut into chunks that fix the leading
/// parameters; each chunk is a broadcast grid over the remaining ones (<see cref="DesignSpace.Grid"/>), so a
/// cost-model sub-expression is computed once per distinct combination of the parameters it reads. A model with
/// cheap bounds (<see cref="IBoundedCostModel"/>) is evaluated in full only where its bounds leave a chance
/// (<see cref="BoundedSearch"/>).
/// </summary>
public sealed class ExhaustiveOptimum
{
    /// <summary>Designs per chunk: 2^21 keeps a chunk's float64 metric tensors at 16 MB each.</summary>
    public const long DefaultChunkSize = 1L << 21;

    private readonly ICostModel _model;
    private readonly Objective _objective;
    private readonly long _chunkSize;

    /// <summary>Enumerates <paramref name="model"/>'s space in chunks of <paramref name="chunkSize"/> designs under <paramref name="objective"/>.</summary>
    public ExhaustiveOptimum(ICostModel model, Objective objective, long chunkSize = DefaultChunkSize)
    {
        _model = model;
        _objective = objective;
        _chunkSize = chunkSize;
    }

    /// <summary>
    /// Best design for one condition. <paramref name="fixedChoices"/> (parameter name → choice index) restricts
    /// the search to designs with those choices.
    /// </summary>
    public OptimumResult Find(IReadOnlyDictionary<string, double> condition, IReadOnlyDictionary<string, int>? fixedChoices = null) =>
        Find(condition, fixedChoices, nearCount: 0, nearTolerance: 0);

    /// <summary>
    /// Best design for one condition and up to <paramref name="nearCount"/> near-optimal designs: feasible, with a
    /// primary cost within <paramref name="nearTolerance"/> of the optimum's, best first (the optimum among them).
    /// </summary>
    public OptimumResult Find(IReadOnlyDictionary<string, double> condition, IReadOnlyDictionary<string, int>? fixedChoices, int nearCount, double nearTolerance)
    {
        if (_model is IBoundedCostModel bounded && _model.Space.Size <= int.MaxValue)
        {
            return new BoundedSearch(bounded, _objective, _chunkSize).Find(condition, fixedChoices, nearCount, nearTolerance);
        }

        var stopwatch = Stopwatch.StartNew();
        DesignSpace space = _model.Space;
        IReadOnlyList<Parameter> parameters = space.Parameters;

        int split = parameters.Count;
        long chunk = 1;
        while (split > 0 && chunk * parameters[split - 1].Count <= _chunkSize)
        {
            split--;
            chunk *= parameters[split].Count;
        }

        Design? best = null;
        double[]? bestKeys = null;
        Dictionary<string, double>? bestMetrics = null;
        long feasibleCount = 0;
        var near = new List<(BigInteger Flat, double[] Keys)>();

        using (NewDisposeScope())
        {
            var conditions = new ValueBatch(condition.Select(pair =>
                new KeyValuePair<string, Tensor>(pair.Key, tensor(pair.Value, ScalarType.Float64))));
            foreach (int[] prefix in Prefixes(parameters, split))
            {
                using IDisposable scope = NewDisposeScope();
                ValueBatch designs = space.Grid(prefix);
                ValueBatch metrics = _model.Evaluate(designs, conditions);
                ValueBatch flatMetrics = metrics.Map(t => t.reshape(-1));
                Tensor feasible = _objective.Feasible(designs, metrics, conditions);
                foreach ((string name, int choice) in fixedChoices ?? new Dictionary<string, int>())
                {
                    feasible = feasible & designs[name].eq(space[name].Value(choice));
                }

                feasible = feasible.expand(metrics[_objective.PrimaryMetric].shape).reshape(-1);
                long chunkFeasible = feasible.sum().item<long>();
                feasibleCount += chunkFeasible;
                if (chunkFeasible == 0)
                {
                    continue;
                }

                IReadOnlyList<Tensor> flatKeys = _objective.Keys(flatMetrics);
                (Tensor position, _) = Lexicographic.ArgMin(feasible, flatKeys, 0);
                long local = position.item<long>();
                BigInteger chunkStart = space.FlatIndex(new Design(prefix.Concat(new int[parameters.Count - split])));
                if (nearCount > 0)
                {
                    near.AddRange(NearCandidates(feasible, flatKeys, Math.Min(chunkFeasible, 4L * nearCount), chunkStart));
                }

                double[] keys = _objective.Minimise.Select(name => flatMetrics[name][local].item<double>()).ToArray();
                if (bestKeys is null || Lexicographic.Less(keys, bestKeys))
                {
                    bestKeys = keys;
                    best = space.FromFlatIndex(chunkStart + local);
                    bestMetrics = _model.MetricNames.ToDictionary(name => name, name => flatMetrics[name][local].item<double>());
                }
            }
        }

        IReadOnlyList<Design> nearOptimal = bestKeys is null
            ? Array.Empty<Design>()
            : near.Where(n => n.Keys[0] <= bestKeys[0] * (1 + nearTolerance) || n.Keys[0] == bestKeys[0])
                .OrderBy(n => n.Keys, KeyComparer.Instance).ThenBy(n => n.Flat)
                .Take(nearCount).Select(n => space.FromFlatIndex(n.Flat)).ToList();
        return new OptimumResult(best, bestMetrics, space.Size, feasibleCount, stopwatch.Elapsed) { NearOptimal = nearOptimal };
    }

    /// <summary>
    /// The <paramref name="count"/> feasible designs of a chunk with the least primary key, ties leaning to the
    /// least secondary keys (a composite score; the exact order is restored when the chunks are merged).
    /// </summary>
    private static IEnumerable<(BigInteger Flat, double[] Keys)> NearCandidates(Tensor feasible, IReadOnlyList<Tensor> keys, long count, BigInteger chunkStart)
    {
        Tensor score = where(feasible, keys[0], double.PositiveInfinity);
        Tensor least = score.min();
        score = score / least;
        for (int i = 1; i < keys.Count; i++)
        {
            Tensor key = where(feasible, keys[i], 0.0);
            score = score + (Math.Pow(1e-6, i) * key / key.max().clamp_min(1e-300));
        }

        long[] positions = score.topk((int)count, largest: false).indexes.data<long>().ToArray();
        var rows = keys.Select(k => k.index_select(0, tensor(positions)).data<double>().ToArray()).ToArray();
        for (int i = 0; i < positions.Length; i++)
        {
            yield return (chunkStart + positions[i], rows.Select(r => r[i]).ToArray());
        }
    }

    private sealed class KeyComparer : IComparer<double[]>
    {
        public static readonly KeyComparer Instance = new();

        public int Compare(double[]? a, double[]? b) =>
            Lexicographic.Less(a!, b!) ? -1 : Lexicographic.Less(b!, a!) ? 1 : 0;
    }

    /// <summary>The chunks of a space: fixed leading choices, and the flat index of each chunk's first design.</summary>
    internal static IEnumerable<(int[] Prefix, long Start)> Chunks(DesignSpace space, long chunkSize)
    {
        IReadOnlyList<Parameter> parameters = space.Parameters;
        int split = parameters.Count;
        long chunk = 1;
        while (split > 0 && chunk * parameters[split - 1].Count <= chunkSize)
        {
            split--;
            chunk *= parameters[split].Count;
        }

        long start = 0;
        foreach (int[] prefix in Prefixes(parameters, split))
        {
            yield return (prefix, start);
            start += chunk;
        }
    }

    private static IEnumerable<int[]> Prefixes(IReadOnlyList<Parameter> parameters, int length)
    {
        var prefix = new int[length];
        while (true)
        {
            yield return (int[])prefix.Clone();
            int position = length - 1;
            while (position >= 0 && ++prefix[position] == parameters[position].Count)
            {
                prefix[position] = 0;
                position--;
            }

            if (position < 0)
            {
                yield break;
            }
        }
    }
}
