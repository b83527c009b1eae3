using Gandse.Conditions;
using Gandse.Objectives;
using Gandse.Tensors;
using Gandse.Workloads;
using TorchSharp;
using static TorchSharp.torch;
using P = Gandse.CostModels.Systolic.SystolicParameterNames;
using Metric = Gandse.CostModels.Systolic.SystolicMetricNames;

namespace Gandse.CostModels.Systolic;

/// <summary>
/// A whole network on one systolic array, layer by layer: each layer runs its repeats one after another on the
/// shared hardware, at a dataflow of its own. Counts, cycles and energy add up over layers and repeats; area is
/// the array's; utilization is the network's MACs over its compute cycles times the PEs.
/// </summary>
public sealed record NetworkEvaluation(Network Network, IReadOnlyList<LayerEvaluation> Layers, IReadOnlyDictionary<string, double> Totals)
{
    /// <summary>
    /// Evaluates <paramref name="network"/> on <paramref name="hardware"/> (rows, cols and the three SRAM sizes). Each
    /// layer runs at its entry of <paramref name="dataflows"/>, or, when null, at its best dataflow: least total_cycles,
    /// ties by energy, as the network optimum chooses.
    /// </summary>
    public static NetworkEvaluation Evaluate(
        SystolicCostModel model, Network network, IReadOnlyDictionary<string, double> hardware, IReadOnlyList<Dataflow>? dataflows, double dramBandwidth)
    {
        if (dataflows is not null && dataflows.Count != network.Layers.Count)
        {
            throw new UsageException($"{dataflows.Count} layer dataflows given for {network.Layers.Count} layers of {network.Name}");
        }

        using IDisposable scope = NewDisposeScope();
        int layers = network.Layers.Count;
        Tensor dataflowValues = dataflows is null
            ? tensor(new[] { 0.0, 1.0, 2.0 }, ScalarType.Float64).unsqueeze(1)
            : tensor(dataflows.Select(d => (double)(int)d).ToArray(), ScalarType.Float64).unsqueeze(0);
        var designs = new ValueBatch { [P.Dataflow] = dataflowValues };
        foreach (string name in SystolicNetworkSpace.HardwareParameters)
        {
            designs[name] = tensor(hardware[name], ScalarType.Float64);
        }

        Tensor Dims(Func<Gemm, long> dim) => tensor(network.Layers.Select(l => (double)dim(l.Gemm)).ToArray(), ScalarType.Float64).unsqueeze(0);
        var conditions = new ValueBatch
        {
            [GemmFields.M] = Dims(g => g.M),
            [GemmFields.N] = Dims(g => g.N),
            [GemmFields.K] = Dims(g => g.K),
            [SystolicConditions.DramBandwidth] = tensor(dramBandwidth, ScalarType.Float64),
        };
        ValueBatch metrics = model.Evaluate(designs, conditions);
        long[] chosen = dataflows is null
            ? Lexicographic.ArgMin(ones(3, layers, ScalarType.Bool), new[] { metrics[Metric.TotalCycles], metrics[Metric.Energy] }, 0).Position.data<long>().ToArray()
            : new long[layers];
        var perLayer = new List<LayerEvaluation>(layers);
        var columns = model.MetricNames.ToDictionary(name => name, name => metrics[name].to_type(ScalarType.Float64).contiguous().data<double>().ToArray());
        for (int l = 0; l < layers; l++)
        {
            int at = ((int)chosen[l] * layers) + l;
            Dataflow dataflow = dataflows?[l] ?? (Dataflow)(int)chosen[l];
            perLayer.Add(new LayerEvaluation(network.Layers[l], dataflow, model.MetricNames.ToDictionary(name => name, name => columns[name][at])));
        }

        return new NetworkEvaluation(network, perLayer, Sum(perLayer, hardware));
    }

    private static Dictionary<string, double> Sum(IReadOnlyList<LayerEvaluation> layers, IReadOnlyDictionary<string, double> hardware)
    {
        var totals = new Dictionary<string, double>();
        foreach (string name in Metric.All)
        {
            totals[name] = name switch
            {
                Metric.Area => layers[0].Metrics[Metric.Area],
                Metric.Utilization => 0,
                _ => layers.Sum(l => l.Metrics[name] * l.Layer.Repeats),
            };
        }

        double macs = layers.Sum(l => (double)l.Layer.Gemm.Macs * l.Layer.Repeats);
        totals[Metric.Utilization] = macs / (totals[Metric.ComputeCycles] * hardware[P.Rows] * hardware[P.Cols]);
        return totals;
    }
}
