using Gandse.CostModels.Maestro.Analysis;
using Gandse.CostModels.Maestro.Kernel;
using Gandse.Spaces;
using Gandse.Tensors;
using Gandse.Workloads;
using TorchSharp;
using static Gandse.Tensors.SafeOps;
using static TorchSharp.torch;
using P = Gandse.CostModels.Maestro.MaestroParameterNames;
using Metric = Gandse.CostModels.Maestro.MaestroMetricValues;

namespace Gandse.CostModels.Maestro;

/// <summary>
/// MAESTRO's model, batched: designs (dataflow, num_pe, KTileSz, CTileSz, ClusterSz; any of the last three left out
/// takes 1, 1 and 0 = all PEs) × layers (<see cref="ConvFields"/>) × the space's condition fields, any broadcastable
/// shape. The case analysis (runtime, MACs, L1 and L2 bytes, the accesses energy weighs) branches per mapping, so
/// it runs in the compiled kernel once per distinct row, in parallel (as the systolic model's memory walks do);
/// energy, area, power, throughput and validity are tensor formulas on its figures. The dataflow may come from the
/// conditions instead (a task whose query names the template). Property tests hold it equal to
/// <see cref="MaestroReferenceModel"/>; oracle tests hold both to the real MAESTRO.
/// </summary>
public sealed class MaestroCostModel : ICostModel
{
    private static readonly string[] HardwareFields =
    {
        MaestroConditions.NocBandwidth, MaestroConditions.NocHops, MaestroConditions.NocHopLatency, MaestroConditions.OffchipBandwidth,
        MaestroConditions.SimdLanes, MaestroConditions.L1SizeLimit, MaestroConditions.L2SizeLimit,
    };

    private readonly DataflowTemplate[] _templates = MaestroSpace.Templates.Select(DataflowTemplates.Get).ToArray();
    private readonly ThreadLocal<MaestroKernel> _kernels = new(() => new MaestroKernel());

    /// <summary>The model over <paramref name="space"/> (the maestro space by default; a task's subset of it works too).</summary>
    public MaestroCostModel(DesignSpace? space = null)
    {
        Space = space ?? MaestroSpace.Create();
    }

    /// <inheritdoc/>
    public DesignSpace Space { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> MetricNames => Metric.All;

    /// <inheritdoc/>
    public ValueBatch Evaluate(ValueBatch designs, ValueBatch conditions)
    {
        Tensor Input(string name, double fallback) =>
            designs.TryGet(name, out Tensor d) ? d
            : conditions.TryGet(name, out Tensor c) ? c
            : tensor(fallback, ScalarType.Float64);

        Tensor dataflow = designs.TryGet(P.Dataflow, out Tensor fromDesign) ? fromDesign
            : conditions.TryGet(P.Dataflow, out Tensor fromCondition) ? fromCondition
            : throw new UsageException("the maestro model needs a dataflow: a design parameter or a condition field");
        Tensor pes = Input(P.NumPe, double.NaN);
        var inputs = new List<Tensor> { dataflow, pes, Input(P.KTileSz, 1), Input(P.CTileSz, 1), Input(P.ClusterSz, 0) };
        foreach (string field in ConvFields.All)
        {
            inputs.Add(conditions.TryGet(field, out Tensor value) ? value : throw new UsageException("the maestro model needs a layer (a conv layer, a depthwise one or a GEMM)"));
        }

        inputs.AddRange(HardwareFields.Select(f => Input(f, MaestroConditions.Schema.Find(f)!.Default!.Value)));
        Tensor[] figures = DistinctRows.Map(inputs, 7, Analyse);
        (Tensor runtime, Tensor macs, Tensor l1, Tensor l2, Tensor l2Accesses, Tensor l1Accesses, Tensor analysed) =
            (figures[0], figures[1], figures[2], figures[3], figures[4], figures[5], figures[6].gt(SafeOps.Constant(0.5)));
        Tensor simd = inputs[13 + 4], nocBandwidth = inputs[13], l1Limit = inputs[13 + 5], l2Limit = inputs[13 + 6];
        Tensor n = pes.to_type(ScalarType.Float64);

        Tensor energy = Mul(Add(Mul(l2Accesses, MaestroAccelerator.L2EnergyWeight), Mul(l1Accesses, MaestroAccelerator.L1EnergyWeight)), MaestroAccelerator.MacEnergy);
        Tensor area = Accelerator(n, simd, nocBandwidth, l1, l2, power: false);
        Tensor power = Accelerator(n, simd, nocBandwidth, l1, l2, power: true);
        Tensor throughput = where(runtime.gt(SafeOps.Constant(0)), macs / runtime.clamp_min(SafeOps.Constant(1)), zeros_like(runtime));
        Tensor valid = analysed & runtime.gt(SafeOps.Constant(0)) & l1.gt(SafeOps.Constant(0)) & l2.gt(SafeOps.Constant(0)) & (l1 <= l1Limit) & (l2 <= l2Limit);
        Tensor Zeroed(Tensor t) => where(analysed, t, zeros_like(t));
        var metrics = new Dictionary<string, Tensor>
        {
            [Metric.RuntimeCycles] = runtime,
            [Metric.Energy] = Zeroed(energy),
            [Metric.Area] = Zeroed(area),
            [Metric.Power] = Zeroed(power),
            [Metric.L1SizeReq] = l1,
            [Metric.L2SizeReq] = l2,
            [Metric.NumMacs] = macs,
            [Metric.Throughput] = throughput,
            [Metric.Valid] = valid.to_type(ScalarType.Float64),
        };
        IList<Tensor> broadcast = broadcast_tensors(Metric.All.Select(m => metrics[m]).ToArray());
        return new ValueBatch(Metric.All.Select((m, i) => new KeyValuePair<string, Tensor>(m, broadcast[i])));
    }

    /// <summary>
    /// Why one design on one layer is not valid (MAESTRO's refusal, or what MAESTRO's analysis or the L1 and L2 limits
    /// make of it), or null when it is: the words behind the batched model's <c>valid</c> = 0.
    /// </summary>
    public string? Invalidity(IReadOnlyDictionary<string, double> design, IReadOnlyDictionary<string, double> conditions)
    {
        double Input(string name, double fallback) =>
            design.TryGetValue(name, out double d) ? d : conditions.TryGetValue(name, out double c) ? c : fallback;

        var row = new List<double> { Input(P.Dataflow, -1), Input(P.NumPe, double.NaN), Input(P.KTileSz, 1), Input(P.CTileSz, 1), Input(P.ClusterSz, 0) };
        row.AddRange(ConvFields.All.Select(f => conditions.TryGetValue(f, out double v) ? v : throw new UsageException("the maestro model needs a layer (a conv layer, a depthwise one or a GEMM)")));
        row.AddRange(HardwareFields.Select(f => Input(f, MaestroConditions.Schema.Find(f)!.Default!.Value)));
        KernelResult? result = Run(row.ToArray(), out string? refusal, out MaestroHardware hardware);
        return result is KernelResult r ? MaestroValidity.Problem(r.Runtime, r.L1Bytes, r.L2Bytes, hardware) : refusal;
    }

    /// <summary>One distinct row through the kernel: runtime, MACs, L1, L2, L2 accesses, L1 accesses, analysed (1) or refused (0).</summary>
    private void Analyse(ReadOnlySpan<double> row, Span<double> output)
    {
        output.Clear();
        if (Run(row, out _, out _) is not KernelResult r)
        {
            return;
        }

        output[0] = r.Runtime;
        output[1] = r.Macs;
        output[2] = r.L1Bytes;
        output[3] = r.L2Bytes;
        output[4] = r.L2Accesses;
        output[5] = r.L1Accesses;
        output[6] = 1;
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

    /// <summary><see cref="MaestroAccelerator"/>'s area (or power) on tensors: per PE a MAC per lane and its L1, the L2, the bus and the arbiter.</summary>
    private static Tensor Accelerator(Tensor n, Tensor simd, Tensor nocBandwidth, Tensor l1, Tensor l2, bool power)
    {
        (double mac, double sram, double bus, double arbiter, double scale) = power ? (1.2223, 0.00345, 0.8, 0.34, 1000.0) : (283.0, 0.104, 101.7938, 395.473, 1.0);
        Tensor Cells(Tensor bytes) => where(bytes.eq(SafeOps.Constant(0)), ones_like(bytes), bytes.ceil());
        Tensor peArray = n * Add(Mul(simd, mac), Mul(Cells(l1), sram));
        Tensor busTerm = Div(Mul(Add(Mul(n, 14.662), 28.895), bus), scale) * nocBandwidth;
        Tensor arbiterTerm = ClampMin(Div(Mul(Add(Add(Mul(n.square(), 1.2886), Mul(n, 5.5814)), -23.711), arbiter), scale), arbiter);
        return Add(Add(peArray, Mul(Cells(l2), sram)), Add(busTerm, arbiterTerm));
    }
}
