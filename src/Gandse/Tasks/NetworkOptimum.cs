using Gandse.Conditions;
using Gandse.CostModels;
using Gandse.CostModels.Systolic;
using Gandse.Objectives;
using Gandse.Spaces;
using Gandse.Tensors;
using Gandse.Workloads;
using TorchSharp;
using static TorchSharp.torch;
using P = Gandse.CostModels.Systolic.SystolicParameterNames;
using Metric = Gandse.CostModels.Systolic.SystolicMetricNames;

namespace Gandse.Tasks;

/// <summary>
/// The exact least-latency design of a network by decomposition. For every hardware point (all 172,800 at
/// once, as a broadcast grid) each layer's best dataflow is independent of the others: its least total_cycles,
/// ties by energy. Summing those per-layer bests gives every hardware point's best latency and energy; the best
/// feasible point and its per-layer dataflows are the optimum. Costs L grid evaluations instead of 172,800 · 3^L.
/// </summary>
public sealed class NetworkOptimum
{
    private readonly SystolicCostModel _model;
    private readonly DesignSpace _space;
    private readonly Parameter[] _hardware;

    public NetworkOptimum(SystolicCostModel model, DesignSpace networkSpace)
    {
        _model = model;
        _space = networkSpace;
        _hardware = SystolicNetworkSpace.HardwareParameters.Select(name => networkSpace[name]).ToArray();
    }

    /// <summary>The optimum first, then up to <paramref name="nearCount"/> − 1 more near-optimal designs; empty when no hardware is feasible.</summary>
    public IReadOnlyList<Design> Find(Network network, Constraints constraints, int nearCount, double nearTolerance)
    {
        using IDisposable scope = NewDisposeScope();
        ValueBatch grid = HardwareGrid();
        long[] shape = _hardware.Select(p => (long)p.Count).ToArray();
        Tensor latency = zeros(shape, ScalarType.Float64);
        Tensor energy = zeros(shape, ScalarType.Float64);
        Tensor area = zeros(shape, ScalarType.Float64);
        // Layers with the same GEMM share their per-hardware best; a network repeats shapes (ResNet-50: 54 layers, 23 shapes).
        foreach (IGrouping<Gemm, NetworkLayer> layers in network.Layers.GroupBy(l => l.Gemm))
        {
            using IDisposable layerScope = NewDisposeScope();
            long repeats = layers.Sum(l => l.Repeats);
            ValueBatch metrics = _model.Evaluate(grid, Scalars(layers.Key, constraints.DramBandwidth));
            Tensor cycles = metrics[Metric.TotalCycles];
            Tensor least = cycles.amin(new long[] { 0 });
            Tensor leastEnergy = where(cycles.eq(least), metrics[Metric.Energy], double.PositiveInfinity).amin(new long[] { 0 });
            latency.add_(least * repeats);
            energy.add_(leastEnergy * repeats);
            area.copy_(metrics[Metric.Area].select(0, 0));
        }

        var hardwareValues = new ValueBatch(SystolicNetworkSpace.HardwareParameters.Select(name => new KeyValuePair<string, Tensor>(name, grid[name].select(0, 0))));
        var aggregate = new ValueBatch { [Metric.TotalCycles] = latency, [Metric.Energy] = energy, [Metric.Area] = area };
        var bounds = new ValueBatch(constraints.Values().Select(p => new KeyValuePair<string, Tensor>(p.Key, tensor(p.Value, ScalarType.Float64))));
        Tensor feasible = SystolicObjectives.Latency().Feasible(hardwareValues, aggregate, bounds).expand(shape).reshape(-1);
        long feasibleCount = feasible.sum().item<long>();
        if (feasibleCount == 0)
        {
            return Array.Empty<Design>();
        }

        Tensor flatLatency = latency.reshape(-1), flatEnergy = energy.reshape(-1);
        (Tensor best, _) = Lexicographic.ArgMin(feasible, new[] { flatLatency, flatEnergy }, 0);
        double bestLatency = flatLatency[best.item<long>()].item<double>();
        Tensor score = where(feasible, (flatLatency / bestLatency) + (1e-6 * flatEnergy / flatEnergy.max()), double.PositiveInfinity);
        long[] chosen = score.topk((int)Math.Min(feasibleCount, Math.Max(1, nearCount)), largest: false).indexes.data<long>().ToArray();
        return chosen
            .Where(h => h == best.item<long>() || flatLatency[h].item<double>() <= bestLatency * (1 + nearTolerance))
            .OrderBy(h => h == best.item<long>() ? 0 : 1)
            .Select(h => Complete(network, constraints, h))
            .ToList();
    }

    /// <summary>Hardware point <paramref name="flat"/> with each layer's best dataflow (least cycles, then energy; os first on full ties).</summary>
    private Design Complete(Network network, Constraints constraints, long flat)
    {
        var indices = new int[_space.Parameters.Count];
        long rest = flat;
        for (int p = _hardware.Length - 1; p >= 0; p--)
        {
            indices[_space.IndexOf(_hardware[p].Name)] = (int)(rest % _hardware[p].Count);
            rest /= _hardware[p].Count;
        }

        using IDisposable scope = NewDisposeScope();
        var designs = new ValueBatch { [P.Dataflow] = tensor(new[] { 0.0, 1.0, 2.0 }, ScalarType.Float64).unsqueeze(1) };
        foreach (Parameter parameter in _hardware)
        {
            designs[parameter.Name] = tensor(parameter.Value(indices[_space.IndexOf(parameter.Name)]), ScalarType.Float64);
        }

        var conditions = new ValueBatch
        {
            [ConditionFields.M] = tensor(network.Layers.Select(l => (double)l.Gemm.M).ToArray(), ScalarType.Float64).unsqueeze(0),
            [ConditionFields.N] = tensor(network.Layers.Select(l => (double)l.Gemm.N).ToArray(), ScalarType.Float64).unsqueeze(0),
            [ConditionFields.K] = tensor(network.Layers.Select(l => (double)l.Gemm.K).ToArray(), ScalarType.Float64).unsqueeze(0),
            [ConditionFields.DramBandwidth] = tensor(constraints.DramBandwidth, ScalarType.Float64),
        };
        ValueBatch metrics = _model.Evaluate(designs, conditions);
        (Tensor dataflows, _) = Lexicographic.ArgMin(ones(3, network.Layers.Count, ScalarType.Bool), new[] { metrics[Metric.TotalCycles], metrics[Metric.Energy] }, 0);
        long[] chosen = dataflows.data<long>().ToArray();
        for (int l = 0; l < chosen.Length; l++)
        {
            indices[_space.IndexOf(SystolicNetworkSpace.DataflowName(l))] = (int)chosen[l];
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
        [ConditionFields.M] = tensor((double)gemm.M, ScalarType.Float64),
        [ConditionFields.N] = tensor((double)gemm.N, ScalarType.Float64),
        [ConditionFields.K] = tensor((double)gemm.K, ScalarType.Float64),
        [ConditionFields.DramBandwidth] = tensor(dramBandwidth, ScalarType.Float64),
    };
}
