using Gandse.CostModels.Maestro.Analysis;
using Gandse.CostModels.Maestro.Kernel;
using Gandse.Spaces;
using Gandse.Tensors;
using Gandse.Workloads;
using TorchSharp;
using static TorchSharp.torch;
using P = Gandse.CostModels.Maestro.MaestroParameterNames;
using Metric = Gandse.CostModels.Maestro.MaestroMetricValues;

namespace Gandse.CostModels.Maestro;

/// <summary>
/// MAESTRO's model, batched: designs (dataflow, num_pe, KTileSz, CTileSz, ClusterSz; any of the last three left out
/// takes 1, 1 and 0 = all PEs) × layers (<see cref="ConvFields"/>) × the space's condition fields, any broadcastable
/// shape. The case analysis (runtime, MACs, L1 and L2 bytes, the accesses energy weighs) branches per mapping, so
/// it runs in the compiled kernel once per distinct row, in parallel (as the systolic model's memory walks do), and
/// energy, area, power, throughput and validity are computed beside it on the row's figures: a handful of
/// arithmetic per row costs less than the dozens of tensor operations it would take on small batches (an exact
/// optimum is 768 rows). The dataflow may come from the
/// conditions instead (a task whose query names the template). Property tests hold it equal to
/// <see cref="MaestroReferenceModel"/>; oracle tests hold both to the real MAESTRO.
/// </summary>
public sealed class MaestroCostModel : ICostModel
{
    private const string NeedsLayer = "the maestro model needs a layer (a conv layer, a depthwise one or a GEMM)";

    /// <summary>
    /// A row as the kernel reads it: the template and the design (any of KTileSz, CTileSz, ClusterSz left out takes 1,
    /// 1 and 0 = all PEs), the layer (<see cref="ConvFields"/>, from the conditions only), then the hardware fields
    /// (from the design or the conditions, else the ConfuciuX setting). <see cref="Run"/> reads it by these positions.
    /// </summary>
    private static readonly (string Name, double Fallback, bool Layer)[] RowLayout =
        new (string, double, bool)[] { (P.Dataflow, -1, false), (P.NumPe, double.NaN, false), (P.KTileSz, 1, false), (P.CTileSz, 1, false), (P.ClusterSz, 0, false) }
            .Concat(ConvFields.All.Select(f => (f, 0.0, true)))
            .Concat(new[]
            {
                MaestroConditions.NocBandwidth, MaestroConditions.NocHops, MaestroConditions.NocHopLatency, MaestroConditions.OffchipBandwidth,
                MaestroConditions.SimdLanes, MaestroConditions.L1SizeLimit, MaestroConditions.L2SizeLimit,
            }.Select(f => (f, MaestroConditions.Schema.Find(f)!.Default!.Value, false)))
            .ToArray();

    private const int NocBandwidthColumn = 13, SimdColumn = 17, L1LimitColumn = 18, L2LimitColumn = 19;

    private readonly DataflowTemplate[] _templates = MaestroSpace.Templates.Select(DataflowTemplates.Get).ToArray();
    private readonly ThreadLocal<MaestroKernel> _kernels = new(() => new MaestroKernel());
    private long _rowTicks;

    /// <summary>The model over <paramref name="space"/> (the maestro space by default; a task's subset of it works too).</summary>
    public MaestroCostModel(DesignSpace? space = null)
    {
        Space = space ?? MaestroSpace.Create();
    }

    /// <inheritdoc/>
    public DesignSpace Space { get; }

    /// <summary>
    /// When set, <see cref="Evaluate"/> runs on the calling thread alone and clocks each row's analysis (the compiled
    /// kernel and the metrics beside it) into <see cref="RowSeconds"/>: how the benchmark splits a call's time between
    /// the kernel and the work around it. One thread, so that no clocked row also counts a wait for a core. Off by
    /// default: it gives up the parallel rows and reads the clock twice per row.
    /// </summary>
    internal bool TimeRows { get; init; }

    /// <summary>Seconds spent in row analyses since this model was made (only with <see cref="TimeRows"/>).</summary>
    internal double RowSeconds => _rowTicks / (double)System.Diagnostics.Stopwatch.Frequency;

    /// <inheritdoc/>
    public IReadOnlyList<string> MetricNames => Metric.All;

    /// <inheritdoc/>
    public ValueBatch Evaluate(ValueBatch designs, ValueBatch conditions)
    {
        Tensor Input(string name, double fallback) =>
            designs.TryGet(name, out Tensor d) ? d
            : conditions.TryGet(name, out Tensor c) ? c
            : tensor(fallback, ScalarType.Float64);

        if (!designs.TryGet(P.Dataflow, out _) && !conditions.TryGet(P.Dataflow, out _))
        {
            throw new UsageException("the maestro model needs a dataflow: a design parameter or a condition field");
        }

        var inputs = RowLayout.Select(r =>
            !r.Layer ? Input(r.Name, r.Fallback)
            : conditions.TryGet(r.Name, out Tensor value) ? value
            : throw new UsageException(NeedsLayer)).ToList();
        Tensor[] metrics = TimeRows
            ? DistinctRows.Map(inputs, Metric.All.Count, AnalyseTimed, parallelism: 1)
            : DistinctRows.Map(inputs, Metric.All.Count, Analyse);
        return new ValueBatch(Metric.All.Select((m, i) => new KeyValuePair<string, Tensor>(m, metrics[i])));
    }

    /// <summary>
    /// Why one design on one layer is not valid (MAESTRO's refusal, or what MAESTRO's analysis or the L1 and L2 limits
    /// make of it), or null when it is: the words behind the batched model's <c>valid</c> = 0.
    /// </summary>
    public string? Invalidity(IReadOnlyDictionary<string, double> design, IReadOnlyDictionary<string, double> conditions)
    {
        double Input(string name, double fallback, bool layer) =>
            design.TryGetValue(name, out double d) && !layer ? d
            : conditions.TryGetValue(name, out double c) ? c
            : layer ? throw new UsageException(NeedsLayer)
            : fallback;

        double[] row = RowLayout.Select(r => Input(r.Name, r.Fallback, r.Layer)).ToArray();
        KernelResult? result = Run(row, out string? refusal, out MaestroHardware hardware);
        return result is KernelResult r ? MaestroValidity.Problem(r.Runtime, r.L1Bytes, r.L2Bytes, hardware) : refusal;
    }

    /// <summary>
    /// One distinct row through the kernel, then MAESTRO's energy, area, power, throughput and validity on its figures,
    /// in <see cref="Metric.All"/>'s order; a refused row is all zeros.
    /// </summary>
    private void Analyse(ReadOnlySpan<double> row, Span<double> output)
    {
        output.Clear();
        if (Run(row, out _, out MaestroHardware hardware) is not KernelResult r)
        {
            return;
        }

        double l1 = r.L1Bytes, l2 = r.L2Bytes, runtime = r.Runtime, macs = r.Macs;
        output[0] = runtime;
        output[1] = ((r.L2Accesses * MaestroAccelerator.L2EnergyWeight) + (r.L1Accesses * MaestroAccelerator.L1EnergyWeight)) * MaestroAccelerator.MacEnergy;
        output[2] = Accelerator(row[1], row[SimdColumn], row[NocBandwidthColumn], l1, l2, power: false);
        output[3] = Accelerator(row[1], row[SimdColumn], row[NocBandwidthColumn], l1, l2, power: true);
        output[4] = l1;
        output[5] = l2;
        output[6] = macs;
        output[7] = runtime > 0 ? macs / Math.Max(runtime, 1) : 0;
        output[8] = runtime > 0 && l1 > 0 && l2 > 0 && l1 <= row[L1LimitColumn] && l2 <= row[L2LimitColumn] ? 1 : 0;
    }

    private void AnalyseTimed(ReadOnlySpan<double> row, Span<double> output)
    {
        long start = System.Diagnostics.Stopwatch.GetTimestamp();
        Analyse(row, output);
        _rowTicks += System.Diagnostics.Stopwatch.GetTimestamp() - start;
    }

    /// <summary>A row (template, PEs, KTileSz, CTileSz, ClusterSz, the layer, the hardware) through the kernel; null with the reason when MAESTRO would refuse it.</summary>
    private KernelResult? Run(ReadOnlySpan<double> row, out string? refusal, out MaestroHardware hardware)
    {
        int template = (int)row[0];
        int pes = (int)row[1];
        hardware = new MaestroHardware(Math.Max(pes, 1), (int)row[17], (long)row[13], (int)row[14], (int)row[15], (long)row[16], (long)row[18], (long)row[19]);
        if (template < 0 || template >= _templates.Length || double.IsNaN(row[1]) || pes < 1)
        {
            refusal = $"not a design: dataflow {row[0]} and num_pe {row[1]} must be one of {string.Join(", ", MaestroSpace.Templates)} and at least 1";
            return null;
        }

        Span<int> constants = stackalloc int[] { (int)row[2], (int)row[3], row[4] == 0 ? pes : (int)row[4] };
        Span<int> dimensions = stackalloc int[] { (int)row[5], (int)row[6], (int)row[7], (int)row[8], (int)row[9], (int)row[10] };
        var layer = new MaestroLayer(row[12] != 0 ? MaestroLayerType.DepthwiseConv : MaestroLayerType.Conv, dimensions[0], dimensions[1], dimensions[2], dimensions[3], dimensions[4], dimensions[5], (int)row[11]);
        Span<DirectiveSpec> directives = stackalloc DirectiveSpec[32];
        if (constants[0] < 1 || constants[1] < 1 || constants[2] < 1)
        {
            refusal = "KTileSz, CTileSz and ClusterSz must be at least 1 (ClusterSz 0 means all PEs)";
            return null;
        }

        try
        {
            int count = _templates[template].Resolve(constants, dimensions, directives);
            refusal = null;
            return _kernels.Value!.Evaluate(layer, directives[..count], hardware);
        }
        catch (MaestroAnalysisException error)
        {
            refusal = $"MAESTRO refuses it: {error.Message}";
            return null;
        }
    }

    /// <summary>
    /// <see cref="MaestroAccelerator"/>'s area (or power): per PE a MAC per lane and its L1, the L2, the bus and the
    /// arbiter; written as the PE count times one PE (the reference adds PE by PE, which rounds differently in the last bits).
    /// </summary>
    private static double Accelerator(double n, double simd, double nocBandwidth, double l1, double l2, bool power)
    {
        (double mac, double sram, double bus, double arbiter, double scale) = power ? (1.2223, 0.00345, 0.8, 0.34, 1000.0) : (283.0, 0.104, 101.7938, 395.473, 1.0);
        static double Cells(double bytes) => bytes == 0 ? 1 : Math.Ceiling(bytes);
        double peArray = n * ((simd * mac) + (Cells(l1) * sram));
        double busTerm = ((n * 14.662) + 28.895) * bus / scale * nocBandwidth;
        double arbiterTerm = Math.Max(((n * n * 1.2886) + (n * 5.5814) + -23.711) * arbiter / scale, arbiter);
        return peArray + (Cells(l2) * sram) + (busTerm + arbiterTerm);
    }
}
