using Gandse.Workloads;
using Gandse.Conditions;
using Gandse.CostModels;
using Gandse.CostModels.Systolic;
using Gandse.Tensors;
using TorchSharp;
using static TorchSharp.torch;
using P = Gandse.CostModels.Systolic.SystolicParameterNames;
using Metric = Gandse.CostModels.Systolic.SystolicMetricNames;

namespace Gandse.Tests.CostModels.Systolic;

/// <summary>Property tests: the batched model equals the scalar reference; its bounds never exceed it.</summary>
public class SystolicCostModelTests
{
    [Fact]
    public void The_batched_model_equals_the_reference_on_random_inputs()
    {
        List<SystolicCases.Case> cases = SystolicCases.Random(seed: 1, count: 1500).Concat(SystolicCases.Edge()).ToList();

        AssertAgree(cases, new SystolicCostModel(), new SystolicReferenceModel());
    }

    [Fact]
    public void Two_byte_words_halve_what_a_buffer_holds()
    {
        var options = new SystolicOptions(WordBytes: 2);
        AssertAgree(SystolicCases.Random(seed: 3, count: 300).ToList(), new SystolicCostModel(options: options), new SystolicReferenceModel(options));
    }

    [Fact]
    public void The_exact_memory_model_is_the_emulator()
    {
        List<SystolicCases.Case> cases = SystolicCases.Emulable(seed: 5, count: 40).ToList();
        Dictionary<string, double[]> batched = new SystolicCostModel(options: new SystolicOptions(SystolicMemoryModel.Exact)).EvaluateRows(Designs(cases), Conditions(cases));

        for (int i = 0; i < cases.Count; i++)
        {
            SystolicMetrics exact = ScaleSimEmulator.Evaluate(cases[i].Hardware, cases[i].Gemm, cases[i].Bandwidth);
            Assert.Equal(exact.TotalCycles, batched[Metric.TotalCycles][i]);
            Assert.Equal(exact.DramIfmapReads, batched[Metric.DramIfmapReads][i]);
            Assert.Equal(exact.DramOfmapWrites, batched[Metric.DramOfmapWrites][i]);
        }
    }

    [Fact]
    public void Bounds_never_exceed_the_model_and_are_exact_where_they_claim_to_be()
    {
        var model = new SystolicCostModel();
        List<SystolicCases.Case> cases = SystolicCases.Random(seed: 2, count: 1500).Concat(SystolicCases.Edge()).ToList();
        using IDisposable scope = NewDisposeScope();
        ValueBatch designs = ValueBatch.FromRows(Designs(cases), model.Space.Parameters.Select(p => p.Name));
        ValueBatch conditions = ValueBatch.FromRows(Conditions(cases), new[] { GemmFields.M, GemmFields.N, GemmFields.K, SystolicConditions.DramBandwidth });

        ValueBatch exact = model.Evaluate(designs, conditions);
        ValueBatch bounds = model.EvaluateBounds(designs, conditions);

        foreach (string metric in model.BoundedMetrics)
        {
            Tensor over = bounds[metric] > exact[metric] * (1 + 1e-12);
            if (over.any().item<bool>())
            {
                Assert.Fail($"{metric} bound exceeds the model for {cases[(int)over.nonzero()[0, 0].item<long>()]}");
            }
        }

        foreach (string metric in new[] { Metric.ComputeCycles, Metric.IfmapSramReads, Metric.FilterSramReads, Metric.OfmapSramWrites, Metric.Area, Metric.Utilization, Metric.DramOfmapWrites })
        {
            Assert.True(bounds[metric].allclose(exact[metric], rtol: 1e-12, atol: 0), metric);
        }
    }

    [Fact]
    public void Chunked_evaluation_equals_one_call_over_a_broadcast_batch()
    {
        using IDisposable scope = NewDisposeScope();
        var model = new SystolicCostModel();
        var random = new Random(4);
        var designs = new ValueBatch
        {
            [P.Rows] = tensor(Enumerable.Range(0, 120).Select(_ => (double)(4 << random.Next(7))).ToArray(), ScalarType.Float64).unsqueeze(0),
            [P.Cols] = tensor(Enumerable.Range(0, 120).Select(_ => (double)(4 << random.Next(7))).ToArray(), ScalarType.Float64).unsqueeze(0),
            [P.Dataflow] = tensor(Enumerable.Range(0, 120).Select(_ => (double)random.Next(3)).ToArray(), ScalarType.Float64).unsqueeze(0),
            [P.IfmapSramKb] = tensor(64.0, ScalarType.Float64),
            [P.FilterSramKb] = tensor(Enumerable.Range(0, 120).Select(_ => (double)(1 << random.Next(12))).ToArray(), ScalarType.Float64).unsqueeze(0),
            [P.OfmapSramKb] = tensor(2.0, ScalarType.Float64),
        };
        var conditions = new ValueBatch
        {
            [GemmFields.M] = tensor(Enumerable.Range(1, 30).Select(i => (double)(i * 37)).ToArray(), ScalarType.Float64).unsqueeze(1),
            [GemmFields.N] = tensor(100.0, ScalarType.Float64),
            [GemmFields.K] = tensor(Enumerable.Range(1, 30).Select(i => (double)(i * 11)).ToArray(), ScalarType.Float64).unsqueeze(1),
            [SystolicConditions.DramBandwidth] = tensor(4.0, ScalarType.Float64),
        };

        ValueBatch whole = model.Evaluate(designs, conditions);
        ValueBatch chunked = model.EvaluateChunked(designs, conditions, chunkElements: 500);

        foreach (string metric in model.MetricNames)
        {
            Assert.Equal(new long[] { 30, 120 }, chunked[metric].shape);
            Assert.True(whole[metric].allclose(chunked[metric], rtol: 0, atol: 0), metric);
        }
    }

    private static void AssertAgree(IReadOnlyList<SystolicCases.Case> cases, SystolicCostModel model, SystolicReferenceModel reference)
    {
        Dictionary<string, double[]> batched = model.EvaluateRows(Designs(cases), Conditions(cases));

        for (int i = 0; i < cases.Count; i++)
        {
            IReadOnlyDictionary<string, double> expected = reference.Evaluate(cases[i].Hardware, cases[i].Gemm, cases[i].Bandwidth).ToDictionary();
            foreach ((string metric, double value) in expected)
            {
                double actual = batched[metric][i];
                bool isCount = metric is not (Metric.Energy or Metric.Area or Metric.Utilization);
                Assert.True(
                    actual == value || (!isCount && Math.Abs(actual - value) <= 1e-12 * Math.Abs(value)),
                    $"{metric}: batched {actual} != reference {value} for {cases[i]}");
            }
        }
    }

    private static List<IReadOnlyDictionary<string, double>> Designs(IEnumerable<SystolicCases.Case> cases) =>
        cases.Select(c => (IReadOnlyDictionary<string, double>)new Dictionary<string, double>
        {
            [P.Rows] = c.Hardware.Rows,
            [P.Cols] = c.Hardware.Cols,
            [P.Dataflow] = (double)c.Hardware.Dataflow,
            [P.IfmapSramKb] = c.Hardware.IfmapSramKb,
            [P.FilterSramKb] = c.Hardware.FilterSramKb,
            [P.OfmapSramKb] = c.Hardware.OfmapSramKb,
        }).ToList();

    private static List<IReadOnlyDictionary<string, double>> Conditions(IEnumerable<SystolicCases.Case> cases) =>
        cases.Select(c => (IReadOnlyDictionary<string, double>)SystolicConditions.Of(c.Gemm, c.Bandwidth).Values()).ToList();
}
