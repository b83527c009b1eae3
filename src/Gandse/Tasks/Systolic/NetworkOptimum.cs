using Gandse.Conditions;
using Gandse.CostModels;
using Gandse.CostModels.Systolic;
using Gandse.Objectives;
using Gandse.Spaces;
using Gandse.Tensors;
using Gandse.Workloads;
using TorchSharp;
using static Gandse.Tensors.SafeOps;
using static TorchSharp.torch;
using P = Gandse.CostModels.Systolic.SystolicParameterNames;
using Metric = Gandse.CostModels.Systolic.SystolicMetricNames;

namespace Gandse.Tasks.Systolic;

/// <summary>
/// The exact least-latency design of a network by decomposition. For every hardware point each layer's best
/// dataflow is independent of the others: its least total_cycles, ties by energy. Summing those per-layer bests
/// gives a hardware point's latency and energy; the best feasible point and its per-layer dataflows are the
/// optimum. The model's cheap bounds, summed the same way over all 172,800 points at once, rank the points; they
/// are evaluated in full in that order until no bound can reach the best found, instead of 172,800 · 3^L designs.
/// </summary>
public sealed class NetworkOptimum
{
    private readonly SystolicCostModel _model;
    private readonly DesignSpace _space;
    private readonly Parameter[] _hardware;

    /// <summary>The exact network optimum over <paramref name="networkSpace"/>, by decomposition into per-layer optima with <paramref name="model"/>.</summary>
    public NetworkOptimum(SystolicCostModel model, DesignSpace networkSpace)
    {
        _model = model;
        _space = networkSpace;
        _hardware = SystolicNetworkSpace.HardwareParameters.Select(name => networkSpace[name]).ToArray();
    }

    /// <summary>Hardware points evaluated in full per batch.</summary>
    public const int BatchSize = 256;

    /// <summary>The optimum first, then up to <paramref name="nearCount"/> − 1 more near-optimal designs; empty when no hardware is feasible.</summary>
    public IReadOnlyList<Design> Find(Network network, Condition condition, int nearCount, double nearTolerance)
    {
        using IDisposable scope = NewDisposeScope();
        ValueBatch grid = HardwareGrid();
        long[] shape = _hardware.Select(p => (long)p.Count).ToArray();
        List<(Gemm Gemm, long Repeats)> layers = network.Layers.GroupBy(l => l.Gemm).Select(g => (g.Key, g.Sum(l => l.Repeats))).ToList();

        // Every hardware point's latency bound: each layer at its best dataflow's bound (the model's cheap bounds).
        Tensor bound = zeros(shape, ScalarType.Float64);
        Tensor area = zeros(shape, ScalarType.Float64);
        foreach ((Gemm gemm, long repeats) in layers)
        {
            using IDisposable layerScope = NewDisposeScope();
            ValueBatch layerBounds = _model.EvaluateBounds(grid, Scalars(gemm, condition[SystolicConditions.DramBandwidth]));
            AddInPlace(bound, Mul(layerBounds[Metric.TotalCycles].amin(new long[] { 0 }), repeats));
            area.copy_(layerBounds[Metric.Area].select(0, 0));
        }

        var hardwareValues = new ValueBatch(SystolicNetworkSpace.HardwareParameters.Select(name => new KeyValuePair<string, Tensor>(name, grid[name].select(0, 0))));
        var budgets = new ValueBatch(condition.Fields.Select(p => new KeyValuePair<string, Tensor>(p.Key, tensor(p.Value, ScalarType.Float64))));
        Tensor feasible = SystolicObjectives.Latency().Feasible(hardwareValues, new ValueBatch { [Metric.TotalCycles] = bound, [Metric.Area] = area }, budgets)
            .expand(shape).reshape(-1);
        (Tensor sortedBounds, Tensor order) = Where(feasible, bound.reshape(-1), double.PositiveInfinity).sort(stable: true);
        long candidates = feasible.sum().item<long>();
        double[] bounds = sortedBounds.data<double>().ToArray();
        long[] points = order.data<long>().ToArray();

        // Points in bound order, each layer's best dataflow evaluated in full, until no bound can reach the best.
        var exact = new List<(long Point, double Latency, double Energy)>();
        double best = double.PositiveInfinity, slack = nearCount > 1 ? 1 + nearTolerance : 1;
        for (int next = 0; next < candidates && bounds[next] <= best * slack; next += BatchSize)
        {
            using IDisposable batchScope = NewDisposeScope();
            long[] batch = points.AsSpan(next, (int)Math.Min(BatchSize, candidates - next)).ToArray();
            (double[] latency, double[] energy) = Evaluate(layers, condition[SystolicConditions.DramBandwidth], batch);
            for (int i = 0; i < batch.Length; i++)
            {
                exact.Add((batch[i], latency[i], energy[i]));
                best = Math.Min(best, latency[i]);
            }
        }

        if (exact.Count == 0)
        {
            return Array.Empty<Design>();
        }

        List<(long Point, double Latency, double Energy)> ranked = exact.OrderBy(e => e.Latency).ThenBy(e => e.Energy).ThenBy(e => e.Point).ToList();
        return ranked.Take(1)
            .Concat(ranked.Skip(1).Where(e => e.Latency <= best * (1 + nearTolerance)).Take(Math.Max(1, nearCount) - 1))
            .Select(e => Complete(network, condition, e.Point))
            .ToList();
    }

    /// <summary>Latency and energy of hardware points (flat indices): each layer at its least-cycles dataflow, ties by energy.</summary>
    private (double[] Latency, double[] Energy) Evaluate(List<(Gemm Gemm, long Repeats)> layers, double dramBandwidth, long[] points)
    {
        var designs = new ValueBatch { [P.Dataflow] = tensor(new[] { 0.0, 1.0, 2.0 }, ScalarType.Float64).unsqueeze(1) };
        long[] rest = (long[])points.Clone();
        for (int p = _hardware.Length - 1; p >= 0; p--)
        {
            Parameter parameter = _hardware[p];
            designs[parameter.Name] = tensor(rest.Select(r => parameter.Value((int)(r % parameter.Count))).ToArray(), ScalarType.Float64).unsqueeze(0);
            rest = rest.Select(r => r / parameter.Count).ToArray();
        }

        Tensor latency = zeros(points.Length, ScalarType.Float64), energy = zeros(points.Length, ScalarType.Float64);
        foreach ((Gemm gemm, long repeats) in layers)
        {
            ValueBatch metrics = _model.Evaluate(designs, Scalars(gemm, dramBandwidth));
            Tensor cycles = metrics[Metric.TotalCycles].expand(3, points.Length);
            Tensor least = cycles.amin(new long[] { 0 });
            AddInPlace(latency, Mul(least, repeats));
            AddInPlace(energy, Mul(Where(cycles.eq(least), metrics[Metric.Energy].expand(3, points.Length), double.PositiveInfinity).amin(new long[] { 0 }), repeats));
        }

        return (latency.data<double>().ToArray(), energy.data<double>().ToArray());
    }

    /// <summary>Hardware point <paramref name="flat"/> with each layer's best dataflow (least cycles, then energy; os first on full ties).</summary>
    private Design Complete(Network network, Condition condition, long flat)
    {
        var indices = new int[_space.Parameters.Count];
        long rest = flat;
        for (int p = _hardware.Length - 1; p >= 0; p--)
        {
            indices[_space.IndexOf(_hardware[p].Name)] = (int)(rest % _hardware[p].Count);
            rest /= _hardware[p].Count;
        }

        var hardware = _hardware.ToDictionary(p => p.Name, p => p.Value(indices[_space.IndexOf(p.Name)]));
        IReadOnlyList<LayerEvaluation> layers = NetworkEvaluation.Evaluate(_model, network, hardware, dataflows: null, condition[SystolicConditions.DramBandwidth]).Layers;
        for (int l = 0; l < layers.Count; l++)
        {
            indices[_space.IndexOf(SystolicNetworkSpace.DataflowName(l))] = (int)layers[l].Dataflow;
        }

        return new Design(indices);
    }

    /// <summary>Dataflow on axis 0 (3), then the hardware parameters in order, each on its own axis.</summary>
    private ValueBatch HardwareGrid()
    {
        int axes = _hardware.Length + 1;
        var grid = new ValueBatch();
        long[] dataflowShape = Enumerable.Repeat(1L, axes).ToArray();
        dataflowShape[0] = 3;
        grid[P.Dataflow] = tensor(new[] { 0.0, 1.0, 2.0 }, ScalarType.Float64).reshape(dataflowShape);
        for (int p = 0; p < _hardware.Length; p++)
        {
            long[] shape = Enumerable.Repeat(1L, axes).ToArray();
            shape[p + 1] = _hardware[p].Count;
            grid[_hardware[p].Name] = tensor(Enumerable.Range(0, _hardware[p].Count).Select(_hardware[p].Value).ToArray(), ScalarType.Float64).reshape(shape);
        }

        return grid;
    }

    private static ValueBatch Scalars(Gemm gemm, double dramBandwidth) => new()
    {
        [GemmFields.M] = tensor((double)gemm.M, ScalarType.Float64),
        [GemmFields.N] = tensor((double)gemm.N, ScalarType.Float64),
        [GemmFields.K] = tensor((double)gemm.K, ScalarType.Float64),
        [SystolicConditions.DramBandwidth] = tensor(dramBandwidth, ScalarType.Float64),
    };
}
