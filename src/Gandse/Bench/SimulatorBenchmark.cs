using Gandse.Conditions;
using Gandse.Config;
using Gandse.CostModels;
using Gandse.CostModels.Systolic;
using Gandse.Optimum;
using Gandse.Spaces;
using Gandse.Tasks;
using Gandse.Tensors;
using Gandse.Workloads;
using Gandse.Tasks.Systolic;
using TorchSharp;
using static TorchSharp.torch;

namespace Gandse.Bench;

/// <summary>
/// Throughput of the batched and the scalar systolic cost models on the same random design × workload pairs
/// (designs from the whole space, 1 × 1 arrays included; GEMM dims log-uniform up to 4,096), and the time of exact
/// optima over the whole systolic space. Seeded, so every run measures the same inputs. The batched model keeps the
/// operand walks it has done (<c>OperandMemo</c>); the headline figures use a fresh model per timed run, so no walk
/// is reused from an earlier run, and the warm figures show what repeated pairs cost.
/// </summary>
public sealed class SimulatorBenchmark
{
    private readonly int _workloads;
    private readonly int _designs;
    private readonly int _seed;

    /// <summary>A benchmark over <paramref name="workloads"/> random GEMMs and <paramref name="designs"/> random designs each, drawn from <paramref name="seed"/>.</summary>
    public SimulatorBenchmark(int workloads = 32, int designs = 512, int seed = 0)
    {
        _workloads = workloads;
        _designs = designs;
        _seed = seed;
    }

    /// <summary>Times the scalar reference and the batched model on the same pairs, and the exhaustive optimum on drawn queries; <paramref name="progress"/> gets a line per phase.</summary>
    public SimulatorBenchmarkResult Run(Action<string>? progress = null)
    {
        var random = new Random(_seed);
        DesignSpace space = SystolicSpace.Create();
        var model = new SystolicCostModel(space);
        var reference = new SystolicReferenceModel();
        List<Gemm> gemms = Enumerable.Range(0, _workloads).Select(_ => new Gemm(LogUniform(random, 4096), LogUniform(random, 4096), LogUniform(random, 4096))).ToList();
        List<Design> designs = Enumerable.Range(0, _designs)
            .Select(_ => new Design(space.Parameters.Select(p => random.Next(p.Count)))).ToList();
        double[] bandwidths = gemms.Select(_ => (double)(1 << random.Next(0, 7))).ToArray();

        progress?.Invoke($"batched: {_workloads} workloads x {_designs} designs per call");
        using IDisposable scope = NewDisposeScope();
        ValueBatch designValues = space.Values(space.IndexTensor(designs)).Map(t => t.unsqueeze(0));
        var conditions = new ValueBatch
        {
            [GemmFields.M] = tensor(gemms.Select(g => (double)g.M).ToArray(), ScalarType.Float64).unsqueeze(1),
            [GemmFields.N] = tensor(gemms.Select(g => (double)g.N).ToArray(), ScalarType.Float64).unsqueeze(1),
            [GemmFields.K] = tensor(gemms.Select(g => (double)g.K).ToArray(), ScalarType.Float64).unsqueeze(1),
            [SystolicConditions.DramBandwidth] = tensor(bandwidths, ScalarType.Float64).unsqueeze(1),
        };
        Tensor batchedTotal = new SystolicCostModel(space).EvaluateChunked(designValues, conditions)[SystolicMetricNames.TotalCycles];
        long pairs = (long)_workloads * _designs;
        double batchedSeconds = Timing.MedianSeconds(warmups: 0, runs: 3, () =>
        {
            using IDisposable inner = NewDisposeScope();
            new SystolicCostModel(space).EvaluateChunked(designValues, conditions);
        });
        double warmSeconds = Timing.MedianSeconds(warmups: 1, runs: 3, () =>
        {
            using IDisposable inner = NewDisposeScope();
            model.EvaluateChunked(designValues, conditions);
        });

        progress?.Invoke($"closed-form lower bounds: {_workloads} workloads x {BoundDesigns} designs per call");
        ValueBatch boundDesigns = space.Values(space.IndexTensor(Enumerable.Range(0, BoundDesigns)
            .Select(_ => new Design(space.Parameters.Select(p => random.Next(p.Count)))).ToList())).Map(t => t.unsqueeze(0));
        double boundSeconds = Timing.MedianSeconds(warmups: 1, runs: 3, () =>
        {
            using IDisposable inner = NewDisposeScope();
            model.EvaluateBounds(boundDesigns, conditions);
        });

        progress?.Invoke("scalar reference on the same pairs");
        List<SystolicHardware> hardware = designs.Select(d => Hardware(space, d)).ToList();
        double[] scalarTotal = new double[_workloads * _designs];
        double scalarSeconds = Timing.MedianSeconds(warmups: 0, runs: 1, () =>
        {
            for (int w = 0; w < _workloads; w++)
            {
                for (int d = 0; d < _designs; d++)
                {
                    scalarTotal[(w * _designs) + d] = reference.Evaluate(hardware[d], gemms[w], bandwidths[w]).TotalCycles;
                }
            }
        });

        bool agree = batchedTotal.reshape(-1).data<double>().ToArray().SequenceEqual(scalarTotal);

        progress?.Invoke($"exact optimum over {space.Size:N0} designs: one query, then {OptimumQueries} drawn like the training data");
        IReadOnlyDictionary<string, double> query = SystolicConditions.Of(
            new Gemm(1024, 1024, 1024), SystolicSpace.DefaultDramBandwidth, macBudget: 4096, sramBudgetKb: 1024).Values();
        new ExhaustiveOptimum(new SystolicCostModel(space), SystolicObjectives.Latency()).Find(query);
        var fixedTimes = Enumerable.Range(0, 5).Select(_ => ColdOptimum(space, query)).ToList();
        var data = new DataConfig();
        var randomTimes = Enumerable.Range(0, OptimumQueries).Select(_ =>
        {
            var gemm = new Gemm(LogUniform(random, data.DimMin, data.DimMax), LogUniform(random, data.DimMin, data.DimMax), LogUniform(random, data.DimMin, data.DimMax));
            double Draw(string field) => SystolicConditions.Schema.Find(field)!.Drawn![random.Next(SystolicConditions.Schema.Find(field)!.Drawn!.Count)];
            Condition condition = SystolicConditions.Of(gemm, Draw(SystolicConditions.DramBandwidth), Draw(SystolicConditions.MacBudget), Draw(SystolicConditions.SramBudgetKb));
            return ColdOptimum(space, condition.Values());
        }).ToList();

        return new SimulatorBenchmarkResult(
            pairs, batchedSeconds, warmSeconds, (long)_workloads * BoundDesigns, boundSeconds, pairs, scalarSeconds, agree, (long)space.Size, fixedTimes, randomTimes, get_num_threads());
    }

    /// <summary>Designs per workload in the bound measurement: large enough that per-call overhead does not dominate.</summary>
    public const int BoundDesigns = 16384;

    /// <summary>Queries drawn for the typical optimum time.</summary>
    public const int OptimumQueries = 21;

    /// <summary>Milliseconds of one exact optimum by a fresh model: no operand walk carried over from an earlier query.</summary>
    private static double ColdOptimum(DesignSpace space, IReadOnlyDictionary<string, double> query) =>
        new ExhaustiveOptimum(new SystolicCostModel(space), SystolicObjectives.Latency()).Find(query).Elapsed.TotalMilliseconds;

    private static SystolicHardware Hardware(DesignSpace space, Design design) => new(
        (long)space.Value(design, SystolicParameterNames.Rows),
        (long)space.Value(design, SystolicParameterNames.Cols),
        (Dataflow)(int)space.Value(design, SystolicParameterNames.Dataflow),
        space.Value(design, SystolicParameterNames.IfmapSramKb),
        space.Value(design, SystolicParameterNames.FilterSramKb),
        space.Value(design, SystolicParameterNames.OfmapSramKb));

    private static long LogUniform(Random random, int max) => LogUniform(random, 1, max);

    private static long LogUniform(Random random, long min, long max) =>
        (long)Math.Clamp(Math.Round(Math.Exp(Math.Log(min) + (random.NextDouble() * (Math.Log(max) - Math.Log(min))))), min, max);
}
