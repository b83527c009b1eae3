using Gandse.CostModels.Systolic;
using Gandse.Objectives;
using Gandse.Spaces;
using Gandse.Tensors;
using Gandse.Workloads;
using TorchSharp;
using P = Gandse.CostModels.Systolic.SystolicParameterNames;
using Metric = Gandse.CostModels.Systolic.SystolicMetricNames;

namespace Gandse.Simulators.ScaleSim;

/// <summary>
/// Re-checks designs of a systolic task with the real SCALE-Sim v2: each design's layers become SCALE-Sim runs (a
/// network design runs each layer with its own dataflow), their metrics add up over the layers as Gandse's network
/// task adds them, and the task's objective ranks the designs again on those metrics.
/// </summary>
public static class ScaleSimVerification
{
    /// <summary>
    /// A design's SCALE-Sim runs: each layer (one for a GEMM or conv workload; a network's layers as the GEMMs it
    /// lowers to) with its repeats and the hardware it runs on, the layer's own dataflow for a network design.
    /// </summary>
    public static IReadOnlyList<(string Name, Workload Layer, long Repeats, SystolicHardware Hardware)> Layers(IReadOnlyDictionary<string, double> values, Workload workload)
    {
        IReadOnlyList<(string Name, Workload Layer, long Repeats)> layers = workload is Network network
            ? network.Layers.Select(l => (l.Name, (Workload)l.Gemm, l.Repeats)).ToList()
            : new[] { (ScaleSimFiles.RunName, workload, 1L) };
        return layers.Select((l, i) =>
        {
            var layerValues = new Dictionary<string, double>(values);
            if (!layerValues.ContainsKey(P.Dataflow))
            {
                layerValues[P.Dataflow] = values[SystolicNetworkSpace.DataflowName(i)];
            }

            return (l.Name, l.Layer, l.Repeats, SystolicHardware.FromValues(layerValues));
        }).ToList();
    }

    /// <summary>SCALE-Sim's metrics for each design (summed over a network's layers, weighted by repeats).</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, double>> Simulate(
        SimulatorRunner<ScaleSimCase> runner, DesignSpace space, IReadOnlyList<Design> designs, Workload workload, long bandwidth)
    {
        var cases = new List<ScaleSimCase>();
        var owners = new List<(int Design, long Repeats)>();
        for (int d = 0; d < designs.Count; d++)
        {
            foreach ((string _, Workload layer, long repeats, SystolicHardware hardware) in Layers(space.ValuesOf(designs[d]), workload))
            {
                cases.Add(new ScaleSimCase(hardware, layer, bandwidth));
                owners.Add((d, repeats));
            }
        }

        IReadOnlyList<IReadOnlyDictionary<string, double>> results = runner.Run(cases);
        var sums = designs.Select(_ => Metric.All.ToDictionary(m => m, _ => 0.0)).ToList();
        for (int i = 0; i < cases.Count; i++)
        {
            (int d, long repeats) = owners[i];
            foreach (string metric in Metric.All.Where(m => m is not (Metric.Area or Metric.Utilization)))
            {
                sums[d][metric] += results[i][metric] * repeats;
            }

            sums[d][Metric.Area] = results[i][Metric.Area];
        }

        for (int d = 0; d < designs.Count; d++)
        {
            double macs = cases.Select((c, i) => (c, i)).Where(x => owners[x.i].Design == d).Sum(x => (double)x.c.Gemm.Macs * owners[x.i].Repeats);
            SystolicHardware hardware = cases[owners.FindIndex(o => o.Design == d)].Hardware;
            sums[d][Metric.Utilization] = macs / (sums[d][Metric.ComputeCycles] * hardware.PeCount);
        }

        return sums;
    }

    /// <summary>Positions of <paramref name="metrics"/> best first under <paramref name="objective"/>: feasible before infeasible, then its keys.</summary>
    public static IReadOnlyList<int> Rank(Objective objective, DesignSpace space, IReadOnlyList<Design> designs, IReadOnlyList<IReadOnlyDictionary<string, double>> metrics, IReadOnlyDictionary<string, double> bounds)
    {
        using IDisposable scope = torch.NewDisposeScope();
        ValueBatch values = space.Values(space.IndexTensor(designs));
        ValueBatch metricBatch = ValueBatch.FromRows(metrics, metrics[0].Keys);
        ValueBatch boundBatch = new(bounds.Select(b => new KeyValuePair<string, torch.Tensor>(b.Key, torch.tensor(b.Value, torch.ScalarType.Float64))));
        bool[] feasible = objective.Feasible(values, metricBatch, boundBatch).expand(designs.Count).data<bool>().ToArray();
        return Enumerable.Range(0, designs.Count)
            .OrderBy(i => feasible[i] ? 0 : 1)
            .ThenBy(i => objective.Minimise.Select(m => metrics[i][m]).ToArray(), KeyComparer.Instance)
            .ToList();
    }

    private sealed class KeyComparer : IComparer<double[]>
    {
        public static readonly KeyComparer Instance = new();

        public int Compare(double[]? a, double[]? b) => Lexicographic.Less(a!, b!) ? -1 : Lexicographic.Less(b!, a!) ? 1 : 0;
    }
}
