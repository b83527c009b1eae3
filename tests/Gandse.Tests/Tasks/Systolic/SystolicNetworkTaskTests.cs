using Gandse.Conditions;
using Gandse.Config;
using Gandse.CostModels.Systolic;
using Gandse.Spaces;
using Gandse.Tasks;
using Gandse.Workloads;
using Gandse.Tasks.Systolic;
using TorchSharp;
using static TorchSharp.torch;

namespace Gandse.Tests.Tasks;

public class SystolicNetworkTaskTests
{
    [Fact]
    public void A_depthwise_layer_is_one_small_gemm_per_channel()
    {
        NetworkLayer depthwise = BuiltInNetworks.Get("mobilenetv2").Layers[1];

        Assert.Equal(new Gemm(112 * 112, 1, 9), depthwise.Gemm);
        Assert.Equal(32, depthwise.Repeats);
    }

    [Fact]
    public void A_spelled_out_network_round_trips_through_its_spec()
    {
        Network network = SyntheticNetworks.Draw(new Random(3), 6, 12, "demo");

        var parsed = (Network)WorkloadParser.Parse(network.Spec);

        Assert.Equal(network.Layers.Select(l => (l.Gemm, l.Repeats)), parsed.Layers.Select(l => (l.Gemm, l.Repeats)));
        Assert.Equal("network:resnet50", BuiltInNetworks.Get("resnet50").Spec);
    }

    [Fact]
    public void The_decomposed_optimum_equals_a_scan_of_every_design_of_a_two_layer_network()
    {
        var data = new DataConfig { MaxLayers = 2 };
        var task = new SystolicNetworkTask(data);
        var network = new Network("pair", new[] { new NetworkLayer("a", new Gemm(300, 64, 576)), new NetworkLayer("b", new Gemm(49, 512, 4608), 2) });
        var condition = SystolicConditions.Of(network, 8, 1024, 384);

        LabelledCondition labelled = task.Label(new ConditionDraft(condition, 1), data);

        (Design best, double latency, double energy) = Scan(task, condition);
        Assert.Equal(best, labelled.Optimum);
        Assert.Equal(latency, labelled.OptimumMetrics[SystolicMetricNames.TotalCycles]);
        Assert.Equal(energy, labelled.OptimumMetrics[SystolicMetricNames.Energy]);
    }

    [Fact]
    public void A_network_design_costs_the_sum_of_its_layers()
    {
        var data = new DataConfig { MaxLayers = 4 };
        var task = new SystolicNetworkTask(data);
        var network = new Network("pair", new[] { new NetworkLayer("a", new Gemm(300, 64, 576)), new NetworkLayer("b", new Gemm(49, 1, 9), 3) });
        var condition = task.Query(network, 4096, 1536, 16, null);
        Design design = task.Space.Parse(
            new Dictionary<string, string> { ["rows"] = "32", ["cols"] = "16", ["ifmap_sram_kb"] = "64", ["filter_sram_kb"] = "8", ["ofmap_sram_kb"] = "2", ["dataflow_0"] = "ws", ["dataflow_1"] = "is", ["dataflow_2"] = "os", ["dataflow_3"] = "os" },
            new Dictionary<string, string>());

        using IDisposable scope = NewDisposeScope();
        CandidateEvaluation evaluation = task.Evaluate(task.ConditionValues(new[] { condition }), task.Space.IndexTensor(new[] { design }).unsqueeze(0));

        var reference = new SystolicReferenceModel();
        SystolicMetrics a = reference.Evaluate(new SystolicHardware(32, 16, Dataflow.Ws, 64, 8, 2), network.Layers[0].Gemm, 16);
        SystolicMetrics b = reference.Evaluate(new SystolicHardware(32, 16, Dataflow.Is, 64, 8, 2), network.Layers[1].Gemm, 16);
        Assert.Equal(a.TotalCycles + (3 * b.TotalCycles), evaluation.Metrics[SystolicMetricNames.TotalCycles].item<double>());
        Assert.Equal(a.Energy + (3 * b.Energy), evaluation.Metrics[SystolicMetricNames.Energy].item<double>(), 6);
        Assert.Equal(a.Area, evaluation.Metrics[SystolicMetricNames.Area].item<double>(), 6);
        Assert.True(evaluation.Feasible.item<bool>());
    }

    [Fact]
    public void Completing_mappings_gives_each_layer_its_best_dataflow_for_the_hardware()
    {
        var data = new DataConfig { MaxLayers = 3 };
        var task = new SystolicNetworkTask(data);
        var network = new Network("trio", new[]
        {
            new NetworkLayer("a", new Gemm(3136, 64, 576)), new NetworkLayer("b", new Gemm(49, 512, 4608), 2), new NetworkLayer("c", new Gemm(1, 1000, 2048)),
        });
        Condition condition = task.Query(network, 4096, 1536, 16, null);
        LabelledCondition labelled = task.Label(new ConditionDraft(condition, 1), data);

        using IDisposable scope = NewDisposeScope();
        Tensors.ValueBatch values = task.ConditionValues(new[] { condition });
        Tensor optimum = task.Space.IndexTensor(new[] { labelled.Optimum }).unsqueeze(0);
        Tensor scrambled = optimum.clone();
        scrambled.narrow(-1, 5, 3).copy_(tensor(new long[] { 2, 2, 2 }).view(1, 1, 3) - optimum.narrow(-1, 5, 3).clamp_max(1));
        Tensor random = new Gandse.Methods.Baselines.RandomSearch(task, 4).Propose(new[] { condition }, 64);

        Assert.True(task.CompleteMappings(values, scrambled).equal(optimum).all().item<bool>());
        Tensor before = task.Evaluate(values, random).Metrics[SystolicMetricNames.TotalCycles];
        Tensor after = task.Evaluate(values, task.CompleteMappings(values, random)).Metrics[SystolicMetricNames.TotalCycles];
        Assert.True((after <= before).all().item<bool>());
    }

    [Fact]
    public void The_generator_sees_each_layers_exact_compute_cycles_under_each_dataflow()
    {
        var task = new SystolicNetworkTask(new DataConfig { MaxLayers = 2 });
        var network = new Network("pair", new[] { new NetworkLayer("a", new Gemm(12544, 64, 147)), new NetworkLayer("b", new Gemm(49, 1000, 2048), 3) });
        var hardware = new SystolicHardware(32, 16, Dataflow.Os, 64, 8, 2);
        Design design = task.Space.Parse(
            new Dictionary<string, string> { ["rows"] = "32", ["cols"] = "16", ["ifmap_sram_kb"] = "64", ["filter_sram_kb"] = "8", ["ofmap_sram_kb"] = "2" },
            new Dictionary<string, string> { ["dataflow_0"] = "os", ["dataflow_1"] = "os" });

        using IDisposable scope = NewDisposeScope();
        Tensor layerFeatures = task.Features(new[] { task.Query(network, null, null, null, null) }).narrow(-1, task.Layout.SlotFeatureOffset, 2 * task.Layout.SlotFeatureWidth).reshape(2, -1);
        Tensor hardwareOneHot = task.Space.OneHot(task.Space.IndexTensor(new[] { design })).narrow(-1, 0, task.Space.Parameters.Take(task.Layout.Chained).Sum(p => p.Count)).expand(2, -1);
        Tensor interaction = task.Layout.Interaction!.Compute(hardwareOneHot, layerFeatures);

        var reference = new SystolicReferenceModel();
        for (int layer = 0; layer < 2; layer++)
        {
            double[] log2Cycles = new[] { Dataflow.Os, Dataflow.Ws, Dataflow.Is }
                .Select(d => Math.Log2(reference.Evaluate(hardware with { Dataflow = d }, network.Layers[layer].Gemm, 16).ComputeCycles))
                .ToArray();
            Assert.Equal(task.Layout.Interaction.Width, interaction.shape[1]);
            for (int d = 0; d < 3; d++)
            {
                Assert.Equal(log2Cycles[d] / 32, interaction[layer, d].item<float>(), 5);
                Assert.Equal((log2Cycles[d] - log2Cycles.Min()) / 4, interaction[layer, 3 + d].item<float>(), 5);
            }
        }
    }

    /// <summary>Every one of the 172,800 · 3² designs through the task's batched evaluation, first least (latency, energy) kept.</summary>
    private static (Design Best, double Latency, double Energy) Scan(SystolicNetworkTask task, Condition condition)
    {
        using IDisposable scope = NewDisposeScope();
        Tensors.ValueBatch values = task.ConditionValues(new[] { condition });
        long size = (long)task.Space.Size;
        Design? best = null;
        (double, double) bestKey = (double.PositiveInfinity, double.PositiveInfinity);
        const long chunk = 1 << 17;
        for (long start = 0; start < size; start += chunk)
        {
            using IDisposable inner = NewDisposeScope();
            long count = Math.Min(chunk, size - start);
            Tensor flat = arange(start, start + count, dtype: ScalarType.Int64);
            var columns = new List<Tensor>();
            Tensor rest = flat;
            foreach (Parameter parameter in task.Space.Parameters.Reverse())
            {
                columns.Insert(0, rest.remainder(parameter.Count));
                rest = rest.div(parameter.Count, rounding_mode: RoundingMode.floor);
            }

            Tensor candidates = stack(columns, -1).unsqueeze(0);
            CandidateEvaluation evaluation = task.Evaluate(values, candidates);
            (Tensor position, Tensor any) = Gandse.Objectives.Lexicographic.ArgMin(
                evaluation.Feasible.reshape(-1), new[] { evaluation.Metrics[SystolicMetricNames.TotalCycles].reshape(-1), evaluation.Metrics[SystolicMetricNames.Energy].reshape(-1) }, 0);
            if (!any.item<bool>())
            {
                continue;
            }

            long at = position.item<long>();
            (double, double) key = (evaluation.Metrics[SystolicMetricNames.TotalCycles].reshape(-1)[at].item<double>(), evaluation.Metrics[SystolicMetricNames.Energy].reshape(-1)[at].item<double>());
            if (key.CompareTo(bestKey) < 0)
            {
                (best, bestKey) = (task.Space.FromFlatIndex(start + at), key);
            }
        }

        return (best!, bestKey.Item1, bestKey.Item2);
    }
}
