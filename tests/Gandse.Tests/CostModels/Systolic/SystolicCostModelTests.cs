using Gandse.Conditions;
using Gandse.CostModels;
using Gandse.CostModels.Systolic;
using Gandse.Tensors;
using Gandse.Workloads;
using TorchSharp;
using static TorchSharp.torch;
using P = Gandse.CostModels.Systolic.SystolicParameterNames;

namespace Gandse.Tests.CostModels.Systolic;

/// <summary>Property tests: the batched model equals the scalar reference on random and edge-case inputs.</summary>
public class SystolicCostModelTests
{
    private sealed record Case(SystolicHardware Hardware, Gemm Gemm, double DramBandwidth);

    [Theory]
    [InlineData(OsFillConvention.ScaleSimV2, 1)]
    [InlineData(OsFillConvention.Paper, 2)]
    public void The_batched_model_equals_the_reference_on_random_inputs(OsFillConvention convention, int seed)
    {
        var options = new SystolicOptions(convention);
        List<Case> cases = RandomCases(new Random(seed), 20_000).Concat(EdgeCases()).ToList();

        AssertAgree(cases, new SystolicCostModel(options: options), new SystolicReferenceModel(options));
    }

    [Fact]
    public void Two_byte_words_halve_what_a_buffer_holds()
    {
        var options = new SystolicOptions(WordBytes: 2);
        AssertAgree(RandomCases(new Random(3), 5_000).ToList(), new SystolicCostModel(options: options), new SystolicReferenceModel(options));
    }

    [Fact]
    public void Chunked_evaluation_equals_one_call_over_a_broadcast_batch()
    {
        using IDisposable scope = NewDisposeScope();
        var model = new SystolicCostModel();
        var random = new Random(4);
        var designs = new ValueBatch
        {
            [P.Rows] = tensor(Enumerable.Range(0, 300).Select(_ => (double)(1 << random.Next(10))).ToArray(), ScalarType.Float64).unsqueeze(0),
            [P.Cols] = tensor(Enumerable.Range(0, 300).Select(_ => (double)(1 << random.Next(10))).ToArray(), ScalarType.Float64).unsqueeze(0),
            [P.Dataflow] = tensor(Enumerable.Range(0, 300).Select(_ => (double)random.Next(3)).ToArray(), ScalarType.Float64).unsqueeze(0),
            [P.IfmapSramKb] = tensor(64.0, ScalarType.Float64),
            [P.FilterSramKb] = tensor(Enumerable.Range(0, 300).Select(_ => (double)(1 << random.Next(12))).ToArray(), ScalarType.Float64).unsqueeze(0),
            [P.OfmapSramKb] = tensor(2.0, ScalarType.Float64),
        };
        var conditions = new ValueBatch
        {
            [ConditionFields.M] = tensor(Enumerable.Range(1, 70).Select(i => (double)(i * 37)).ToArray(), ScalarType.Float64).unsqueeze(1),
            [ConditionFields.N] = tensor(100.0, ScalarType.Float64),
            [ConditionFields.K] = tensor(Enumerable.Range(1, 70).Select(i => (double)(i * 11)).ToArray(), ScalarType.Float64).unsqueeze(1),
            [ConditionFields.DramBandwidth] = tensor(4.0, ScalarType.Float64),
        };

        ValueBatch whole = model.Evaluate(designs, conditions);
        ValueBatch chunked = model.EvaluateChunked(designs, conditions, chunkElements: 1000);

        foreach (string metric in model.MetricNames)
        {
            Assert.Equal(new long[] { 70, 300 }, chunked[metric].shape);
            Assert.True(whole[metric].allclose(chunked[metric], rtol: 0, atol: 0), metric);
        }
    }

    private static void AssertAgree(IReadOnlyList<Case> cases, SystolicCostModel model, SystolicReferenceModel reference)
    {
        var designs = cases.Select(c => (IReadOnlyDictionary<string, double>)new Dictionary<string, double>
        {
            [P.Rows] = c.Hardware.Rows,
            [P.Cols] = c.Hardware.Cols,
            [P.Dataflow] = (double)c.Hardware.Dataflow,
            [P.IfmapSramKb] = c.Hardware.IfmapSramKb,
            [P.FilterSramKb] = c.Hardware.FilterSramKb,
            [P.OfmapSramKb] = c.Hardware.OfmapSramKb,
        }).ToList();
        var conditions = cases.Select(c => new Condition(c.Gemm, new Constraints(c.DramBandwidth), Targets.None).Values()).ToList();

        Dictionary<string, double[]> batched = model.EvaluateRows(designs, conditions);

        for (int i = 0; i < cases.Count; i++)
        {
            IReadOnlyDictionary<string, double> expected = reference.Evaluate(cases[i].Hardware, cases[i].Gemm, cases[i].DramBandwidth).ToDictionary();
            foreach ((string metric, double value) in expected)
            {
                double actual = batched[metric][i];
                bool isCount = metric is not (SystolicMetricNames.Energy or SystolicMetricNames.Area or SystolicMetricNames.Utilization);
                Assert.True(
                    actual == value || (!isCount && Math.Abs(actual - value) <= 1e-12 * Math.Abs(value)),
                    $"{metric}: batched {actual} != reference {value} for {cases[i]}");
            }
        }
    }

    private static IEnumerable<Case> RandomCases(Random random, int count)
    {
        for (int i = 0; i < count; i++)
        {
            yield return new Case(
                new SystolicHardware(
                    Dim(random, 600), Dim(random, 600), (Dataflow)random.Next(3),
                    Size(random), Size(random), Size(random)),
                new Gemm(Dim(random, 100_000), Dim(random, 20_000), Dim(random, 20_000)),
                Math.Exp((random.NextDouble() * 8) - 2));
        }
    }

    private static IEnumerable<Case> EdgeCases()
    {
        foreach (Dataflow dataflow in Enum.GetValues<Dataflow>())
        {
            yield return new Case(new SystolicHardware(1, 1, dataflow, 1, 1, 1), new Gemm(1, 1, 1), 1);
            yield return new Case(new SystolicHardware(512, 512, dataflow, 2048, 2048, 2048), new Gemm(1, 1, 1), 1);
            yield return new Case(new SystolicHardware(512, 1, dataflow, 1, 2048, 1), new Gemm(3, 1000, 7), 0.25);
            yield return new Case(new SystolicHardware(12, 14, dataflow, 108, 108, 108), new Gemm(3136, 64, 576), 16);
            yield return new Case(new SystolicHardware(128, 128, dataflow, 0.001, 0.001, 0.001), new Gemm(65536, 4096, 4096), 1000);
        }
    }

    private static long Dim(Random random, int max) => (long)Math.Max(1, Math.Round(Math.Exp(random.NextDouble() * Math.Log(max))));

    private static double Size(Random random) =>
        random.Next(4) == 0 ? Math.Round(Math.Exp((random.NextDouble() * 10) - 2), 3) + 0.001 : 1 << random.Next(12);
}
