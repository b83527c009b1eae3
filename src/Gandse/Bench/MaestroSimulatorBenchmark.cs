using System.Diagnostics;
using Gandse.Conditions;
using Gandse.CostModels;
using Gandse.CostModels.Maestro;
using Gandse.Spaces;
using Gandse.Tasks.Maestro;
using Gandse.Tensors;
using Gandse.Workloads;
using TorchSharp;
using static TorchSharp.torch;
using Metric = Gandse.CostModels.Maestro.MaestroMetricValues;
using P = Gandse.CostModels.Maestro.MaestroParameterNames;

namespace Gandse.Bench;

/// <summary>
/// Throughput of the batched MAESTRO model and of the scalar reference on the same seeded design × layer pairs
/// (layers as <see cref="MaestroLayers"/> draws them; designs: a template of dla, eye and shi, 1 to 256 PEs, KTileSz
/// and CTileSz 1 to 12, one cluster of all PEs, ConfuciuX's mapping), and the time of exact optima over the
/// AIrchitect-v2 space (768 designs) on drawn layers, each by a fresh model, so nothing is reused between queries.
/// Both are timed in steady state, after <see cref="WarmUpSeconds"/> of untimed runs (.NET first runs code unoptimised
/// and recompiles hot methods in the background), and the first, cold run of each is reported beside them.
/// </summary>
public sealed class MaestroSimulatorBenchmark
{
    private readonly int _layers;
    private readonly int _designs;
    private readonly int _seed;

    /// <summary>A benchmark over <paramref name="layers"/> drawn layers and <paramref name="designs"/> drawn designs each.</summary>
    public MaestroSimulatorBenchmark(int layers = 32, int designs = 512, int seed = 0)
    {
        _layers = layers;
        _designs = designs;
        _seed = seed;
    }

    /// <summary>Scalar pairs timed: the reference is slow, so a slice of the batched pairs.</summary>
    public const int ScalarPairs = 2048;

    /// <summary>Layers whose exact optimum is timed.</summary>
    public const int OptimumQueries = 21;

    /// <summary>Batched calls timed (the median is reported).</summary>
    public const int BatchedRuns = 5;

    /// <summary>Calls on one thread whose row analyses are clocked, after the timed ones (the mean is reported).</summary>
    public const int RowTimedRuns = 2;

    /// <summary>Untimed runs before each steady-state measurement last at least this long.</summary>
    public const double WarmUpSeconds = 2.0;

    /// <summary>Times both implementations and the optimum; <paramref name="progress"/> gets a line per phase.</summary>
    public MaestroSimulatorBenchmarkResult Run(Action<string>? progress = null)
    {
        var random = new Random(_seed);
        DesignSpace space = MaestroSpace.Create();
        List<Condition> layers = Enumerable.Range(0, _layers).Select(_ => MaestroLayers.Draw(random)).ToList();
        List<Dictionary<string, double>> designs = Enumerable.Range(0, _designs).Select(_ => new Dictionary<string, double>
        {
            [P.NumPe] = random.Next(1, 257), [P.KTileSz] = random.Next(1, 13), [P.CTileSz] = random.Next(1, 13), [P.ClusterSz] = 0,
        }).ToList();

        progress?.Invoke($"batched: {_layers} layers x {_designs} designs per call");
        using IDisposable scope = NewDisposeScope();
        ValueBatch designBatch = Columns(designs, d => d).Map(t => t.unsqueeze(0));
        ValueBatch conditionBatch = Columns(layers, c => c.Values()).Map(t => t.unsqueeze(1));
        ValueBatch batched = null!;
        double coldSeconds = Timing.Seconds(() => batched = new MaestroCostModel(space).EvaluateChunked(designBatch, conditionBatch));
        void Batch()
        {
            using IDisposable inner = NewDisposeScope();
            new MaestroCostModel(space).EvaluateChunked(designBatch, conditionBatch);
        }

        progress?.Invoke($"warming up for {WarmUpSeconds:F0} s, then {BatchedRuns} timed calls");
        Timing.WarmUp(WarmUpSeconds, Batch);
        TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        double batchedSeconds = Timing.MedianSeconds(warmups: 0, runs: BatchedRuns, Batch);
        // The process's CPU time over the timed calls, all threads: what one evaluation costs whatever the core count.
        double cpuSecondsPerCall = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds / BatchedRuns;

        // Then calls on one thread that clock each row's analysis (kernel and metrics), apart from the timed calls above,
        // whose rate the clock reads would touch: what one evaluation costs in the kernel, and in the whole call around it.
        double rowSeconds = 0, oneThreadSeconds = 0;
        for (int run = 0; run < RowTimedRuns; run++)
        {
            using IDisposable inner = NewDisposeScope();
            var model = new MaestroCostModel(space) { TimeRows = true };
            oneThreadSeconds += Timing.Seconds(() => model.EvaluateChunked(designBatch, conditionBatch));
            rowSeconds += model.RowSeconds;
        }

        progress?.Invoke($"scalar reference on {ScalarPairs} of the same pairs");
        var pairs = Enumerable.Range(0, ScalarPairs).Select(_ => (Layer: random.Next(_layers), Design: random.Next(_designs))).ToList();
        var reference = new MaestroMetrics[pairs.Count];
        double scalarSeconds = Timing.MedianSeconds(warmups: 0, runs: 1, () =>
        {
            for (int i = 0; i < pairs.Count; i++)
            {
                reference[i] = Reference(layers[pairs[i].Layer], designs[pairs[i].Design]);
            }
        });
        int disagreements = pairs.Select((p, i) => Differs(batched, p.Layer, p.Design, reference[i]) ? 1 : 0).Sum();

        progress?.Invoke($"exact optimum over the AIrchitect-v2 space (768 designs): {OptimumQueries} drawn layers");
        DesignSpace airchitect = AirchitectSpace.Create();
        ValueBatch grid = airchitect.Values(airchitect.IndexTensor(Enumerable.Range(0, (int)airchitect.Size).Select(i => airchitect.FromFlatIndex(i)).ToList()));
        // The warm-up draws its layers from a stream of its own, so the timed layers do not depend on how many it ran.
        var warmUpLayers = new Random(_seed + 1);
        double coldOptimum = Optimum(airchitect, grid, MaestroLayers.Draw(warmUpLayers));
        Timing.WarmUp(WarmUpSeconds, () => Optimum(airchitect, grid, MaestroLayers.Draw(warmUpLayers)));
        var optimum = Enumerable.Range(0, OptimumQueries).Select(_ => Optimum(airchitect, grid, MaestroLayers.Draw(random))).ToList();
        return new MaestroSimulatorBenchmarkResult(
            (long)_layers * _designs, batchedSeconds, cpuSecondsPerCall, rowSeconds / RowTimedRuns, oneThreadSeconds / RowTimedRuns, coldSeconds, pairs.Count, scalarSeconds, disagreements, (int)airchitect.Size, optimum, coldOptimum,
            Environment.ProcessorCount);
    }

    /// <summary>Milliseconds of one exact optimum by a fresh model: all 768 designs evaluated, the least valid runtime kept.</summary>
    private static double Optimum(DesignSpace space, ValueBatch grid, Condition condition)
    {
        using IDisposable scope = NewDisposeScope();
        var stopwatch = Stopwatch.StartNew();
        ValueBatch conditions = Columns(new[] { condition }, c => c.Values());
        ValueBatch metrics = new MaestroCostModel(space).Evaluate(grid, conditions);
        Tensor runtime = where(metrics[Metric.Valid] > 0, metrics[Metric.RuntimeCycles], tensor(double.PositiveInfinity, ScalarType.Float64));
        runtime.argmin().item<long>();
        return stopwatch.Elapsed.TotalMilliseconds;
    }

    private static MaestroMetrics Reference(Condition condition, IReadOnlyDictionary<string, double> design)
    {
        ConvShape shape = condition.Workload.Conv!;
        var layer = new MaestroLayer(MaestroLayerType.Conv, (int)shape.K, (int)shape.C, (int)shape.Y, (int)shape.X, (int)shape.R, (int)shape.S);
        int pes = (int)design[P.NumPe];
        var constants = new Dictionary<string, int> { [P.KTileSz] = (int)design[P.KTileSz], [P.CTileSz] = (int)design[P.CTileSz], [P.ClusterSz] = pes };
        string template = MaestroSpace.Templates[(int)condition[MaestroConditions.Dataflow]];
        return MaestroReferenceModel.Evaluate(layer, DataflowTemplates.Get(template).Instantiate(constants, layer), MaestroConditions.Hardware(pes, _ => null));
    }

    private static bool Differs(ValueBatch batched, int layer, int design, MaestroMetrics reference)
    {
        double At(string metric) => batched[metric][layer, design].item<double>();
        return At(Metric.RuntimeCycles) != reference.RuntimeCycles || At(Metric.NumMacs) != reference.NumMacs
            || At(Metric.L1SizeReq) != reference.L1SizeReq || At(Metric.L2SizeReq) != reference.L2SizeReq;
    }

    private static ValueBatch Columns<T>(IReadOnlyList<T> rows, Func<T, IReadOnlyDictionary<string, double>> values)
    {
        var dictionaries = rows.Select(values).ToList();
        return ValueBatch.FromRows(dictionaries, dictionaries.SelectMany(d => d.Keys).Distinct());
    }
}
