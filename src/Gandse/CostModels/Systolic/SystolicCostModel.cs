using Gandse.Conditions;
using Gandse.CostModels.Systolic.Memory;
using Gandse.Spaces;
using Gandse.Tensors;
using Gandse.Workloads;
using TorchSharp;
using static Gandse.Tensors.SafeOps;
using static TorchSharp.torch;
using P = Gandse.CostModels.Systolic.SystolicParameterNames;
using Metric = Gandse.CostModels.Systolic.SystolicMetricNames;

namespace Gandse.CostModels.Systolic;

/// <summary>
/// The systolic-array cost model on a batch of designs × GEMMs (any broadcastable float64 tensors). Compute
/// cycles, SRAM traffic, energy and area are tensor formulas; each operand's DRAM traffic and stall come from
/// <see cref="SystolicOperands"/>, run once per distinct combination of the values that operand reads (array,
/// dataflow, its own SRAM size, GEMM, bandwidth), in parallel. Property tests hold it equal to
/// <see cref="SystolicReferenceModel"/>. Reads design values <c>rows, cols, dataflow, *_sram_kb</c> and condition
/// values <c>M, N, K, dram_bw</c>.
/// </summary>
public sealed class SystolicCostModel : IBoundedCostModel
{
    private readonly SystolicOptions _options;
    private readonly OperandMemo _memo = new();

    /// <summary>The batched model over <paramref name="space"/> (the systolic space by default).</summary>
    public SystolicCostModel(DesignSpace? space = null, SystolicOptions? options = null)
    {
        Space = space ?? SystolicSpace.Create();
        _options = options ?? SystolicOptions.Default;
    }

    /// <inheritdoc/>
    public DesignSpace Space { get; }

    /// <summary>The model's options (stall model, SRAM word size).</summary>
    public SystolicOptions Options => _options;

    /// <inheritdoc/>
    public IReadOnlyList<string> MetricNames => Metric.All;

    /// <inheritdoc/>
    public IReadOnlyList<string> BoundedMetrics => Metric.All;

    /// <inheritdoc/>
    public ValueBatch Evaluate(ValueBatch designs, ValueBatch conditions)
    {
        if (_options.Memory == SystolicMemoryModel.Streaming)
        {
            return EvaluateBounds(designs, conditions);
        }

        Tensor r = designs[P.Rows], c = designs[P.Cols], dataflow = designs[P.Dataflow];
        Tensor m = conditions[GemmFields.M], n = conditions[GemmFields.N], k = conditions[GemmFields.K];
        Tensor bandwidth = conditions[SystolicConditions.DramBandwidth];
        Tensor stall, ifmapReads, filterReads, ofmapWrites;
        if (_options.Memory == SystolicMemoryModel.Exact)
        {
            Tensor[] exact = DistinctRows.Map(
                new[] { r, c, dataflow, designs[P.IfmapSramKb], designs[P.FilterSramKb], designs[P.OfmapSramKb], m, n, k, bandwidth }, 4, (row, output) =>
                {
                    var hardware = new SystolicHardware((long)row[0], (long)row[1], (Dataflow)(int)row[2], row[3], row[4], row[5]);
                    SystolicMetrics metrics = ScaleSimEmulator.Evaluate(hardware, GemmOf(row, 6), row[9], _options);
                    output[0] = metrics.StallCycles;
                    output[1] = metrics.DramIfmapReads;
                    output[2] = metrics.DramFilterReads;
                    output[3] = metrics.DramOfmapWrites;
                });
            (stall, ifmapReads, filterReads, ofmapWrites) = (exact[0], exact[1], exact[2], exact[3]);
        }
        else
        {
            Tensor[] ifmap = Operand(0, designs[P.IfmapSramKb], r, c, dataflow, m, n, k, bandwidth, SystolicOperands.Ifmap);
            Tensor[] filter = Operand(1, designs[P.FilterSramKb], r, c, dataflow, m, n, k, bandwidth, SystolicOperands.Filter);
            Tensor[] ofmap = Operand(2, designs[P.OfmapSramKb], r, c, dataflow, m, n, k, bandwidth, (df, gemm, rows, cols, words, bw) =>
                SystolicOperands.Ofmap(df, gemm, rows, cols, words, bw, SystolicAccounting.ComputeCycles(new SystolicHardware(rows, cols, df, 1, 1, 1), gemm)));
            (ifmapReads, filterReads, ofmapWrites) = (ifmap[0], filter[0], ofmap[0]);

            // The slowest buffer sets the stall; they do not add up (see SystolicReferenceModel).
            stall = maximum(maximum(ifmap[1], filter[1]), ofmap[1]);
        }

        return Metrics(designs, conditions, stall, ifmapReads, filterReads, ofmapWrites);
    }

    /// <summary>
    /// Lower bounds, closed-form. Every valid word of a read operand is demanded in each pass over it, so its
    /// window steps at least once around its sets per pass; the step that reaches the last set is ready no
    /// earlier than the steps before it allow, and the last line waits for it. Every OFMAP word is written once
    /// per row fold, and all but one SRAM-full must drain during the run. Compute cycles, SRAM traffic,
    /// utilisation and area are exact.
    /// </summary>
    public ValueBatch EvaluateBounds(ValueBatch designs, ValueBatch conditions)
    {
        Tensor r = designs[P.Rows], c = designs[P.Cols], dataflow = designs[P.Dataflow];
        Tensor m = conditions[GemmFields.M], n = conditions[GemmFields.N], k = conditions[GemmFields.K];
        Tensor bandwidth = conditions[SystolicConditions.DramBandwidth];
        Tensor isOs = Eq(dataflow, (double)Dataflow.Os), isWs = Eq(dataflow, (double)Dataflow.Ws);
        Tensor mOverR = CeilDiv(m, r), kOverR = CeilDiv(k, r), nOverC = CeilDiv(n, c), mOverC = CeilDiv(m, c);
        Tensor lines = ComputeCycles(r, c, dataflow, m, n, k);

        // Entries of each prefetch matrix, padding included, and passes over it (os and ws ifmap, is filter:
        // once per column fold).
        Tensor ifmapEntries = where(isOs, mOverR * k * r, where(isWs, kOverR * m * r, mOverC * k * c));
        Tensor filterEntries = where(isOs | isWs, nOverC * k * c, kOverR * n * r);
        Tensor ifmapPasses = where(isOs | isWs, nOverC, ones_like(m));
        Tensor filterPasses = where(isOs | isWs, ones_like(m), mOverC);
        (Tensor ifmapReads, Tensor ifmapStall) = ReadBound(designs[P.IfmapSramKb], m * k, ifmapEntries, ifmapPasses, bandwidth, lines);
        (Tensor filterReads, Tensor filterStall) = ReadBound(designs[P.FilterSramKb], k * n, filterEntries, filterPasses, bandwidth, lines);

        Tensor writes = where(isOs, m * n, m * n * kOverR);
        Tensor ofmapStall = ClampMin(Sub(Sub(writes, Words(designs[P.OfmapSramKb])) / bandwidth, lines), 0);
        Tensor stall = maximum(maximum(ifmapStall, filterStall), ofmapStall).floor();
        return Metrics(designs, conditions, stall, ifmapReads, filterReads, writes);
    }

    private (Tensor Reads, Tensor Stall) ReadBound(Tensor kilobytes, Tensor valid, Tensor entries, Tensor passes, Tensor bandwidth, Tensor lines)
    {
        // ReadBufferWindow's geometry, on tensors.
        Tensor words = Words(kilobytes);
        Tensor active = Div(words, 2).ceil(), prefetch = Sub(words, active), setSize = Div(words, 100).ceil();
        Tensor sets = Add((valid / setSize).floor(), 1);
        Tensor windowSets = minimum(sets, CeilDiv(active, setSize));
        Tensor stepSets = minimum(Sub(sets, windowSets), CeilDiv(prefetch, setSize));
        Tensor linesPerStep = CeilDiv(prefetch, bandwidth);
        Tensor initial = minimum(CeilDiv(active, bandwidth), CeilDiv(entries, bandwidth)) * bandwidth;
        Tensor fits = windowSets.eq(sets);
        Tensor steps = where(fits, zeros_like(sets), CeilDiv(Sub(passes * sets, windowSets), ClampMin(stepSets, 1)));
        Tensor stall = ClampMin(where(fits, zeros_like(sets), Sub(Sub(steps * Add(linesPerStep, 1), 1), lines)), 0);
        return (Add(initial, steps * linesPerStep * bandwidth), stall);
    }

    private Tensor Words(Tensor kilobytes) => Mul(kilobytes, 1024.0 / _options.WordBytes).floor();

    private static Tensor ComputeCycles(Tensor r, Tensor c, Tensor dataflow, Tensor m, Tensor n, Tensor k)
    {
        Tensor isOs = Eq(dataflow, (double)Dataflow.Os), isWs = Eq(dataflow, (double)Dataflow.Ws), isIs = Eq(dataflow, (double)Dataflow.Is);
        Tensor rowFolds = where(isOs, CeilDiv(m, r), CeilDiv(k, r));
        Tensor colFolds = where(isIs, CeilDiv(m, c), CeilDiv(n, c));
        Tensor temporal = where(isOs, k, where(isWs, m, n));
        Tensor fill = Sub(Add(where(isOs, r, Mul(r, 2)), c), 2);
        return Add(fill, temporal) * rowFolds * colFolds;
    }

    private ValueBatch Metrics(ValueBatch designs, ValueBatch conditions, Tensor stall, Tensor ifmapReads, Tensor filterReads, Tensor ofmapWrites)
    {
        Tensor r = designs[P.Rows], c = designs[P.Cols], dataflow = designs[P.Dataflow];
        Tensor m = conditions[GemmFields.M], n = conditions[GemmFields.N], k = conditions[GemmFields.K];
        Tensor isOs = Eq(dataflow, (double)Dataflow.Os), isWs = Eq(dataflow, (double)Dataflow.Ws), isIs = Eq(dataflow, (double)Dataflow.Is);

        // SCALE-Sim's S_R is M (os) or K (ws, is); S_C is N (os, ws) or M (is); T is K, M and N respectively.
        Tensor mOverR = CeilDiv(m, r), kOverR = CeilDiv(k, r), nOverC = CeilDiv(n, c), mOverC = CeilDiv(m, c);
        Tensor folds = where(isOs, mOverR, kOverR) * where(isIs, mOverC, nOverC);
        Tensor computeCycles = ComputeCycles(r, c, dataflow, m, n, k);

        Tensor mk = m * k, kn = k * n, mn = m * n;
        Tensor ifmapSramReads = where(isIs, mk, mk * nOverC);
        Tensor filterSramReads = where(isWs, kn, kn * where(isOs, mOverR, mOverC));
        Tensor ofmapSramWrites = where(isOs, Add(mn, folds * Add(r, c)), mn * kOverR);

        Tensor macs = mk * n;
        Tensor dramReads = Add(ifmapReads, filterReads);
        Tensor energy = Add(
            Add(
                Mul(macs, SystolicConstants.MacEnergy + (SystolicConstants.HopsPerMac * SystolicConstants.InterPeHopEnergy)),
                Mul(Add(Add(ifmapSramReads, filterSramReads), ofmapSramWrites), SystolicConstants.SramAccessEnergy)),
            Mul(Add(dramReads, ofmapWrites), SystolicConstants.DramAccessEnergy));
        Tensor sramKb = Add(Add(designs[P.IfmapSramKb], designs[P.FilterSramKb]), designs[P.OfmapSramKb]);
        Tensor area = Add(Mul(r * c, SystolicConstants.PeArea), Mul(sramKb, 1024.0 / SystolicConstants.SramBankBytes * SystolicConstants.SramAreaPer32KiB));

        var metrics = new Dictionary<string, Tensor>
        {
            [Metric.ComputeCycles] = computeCycles,
            [Metric.StallCycles] = stall,
            [Metric.TotalCycles] = Add(computeCycles, stall),
            [Metric.Utilization] = macs / (computeCycles * r * c),
            [Metric.IfmapSramReads] = ifmapSramReads,
            [Metric.FilterSramReads] = filterSramReads,
            [Metric.OfmapSramWrites] = ofmapSramWrites,
            [Metric.DramIfmapReads] = ifmapReads,
            [Metric.DramFilterReads] = filterReads,
            [Metric.DramOfmapWrites] = ofmapWrites,
            [Metric.DramReads] = dramReads,
            [Metric.DramWrites] = ofmapWrites,
            [Metric.Energy] = energy,
            [Metric.Area] = area,
        };
        IList<Tensor> broadcast = broadcast_tensors(Metric.All.Select(name => metrics[name]).ToArray());
        return new ValueBatch(Metric.All.Select((name, i) => new KeyValuePair<string, Tensor>(name, broadcast[i])));
    }

    private delegate (long Dram, long Stall) OperandFunction(Dataflow dataflow, Gemm gemm, long rows, long cols, long words, long bandwidth);

    private Tensor[] Operand(int operand, Tensor kilobytes, Tensor r, Tensor c, Tensor dataflow, Tensor m, Tensor n, Tensor k, Tensor bandwidth, OperandFunction function) =>
        DistinctRows.Map(new[] { r, c, dataflow, kilobytes, m, n, k, bandwidth }, 2, (row, output) =>
        {
            var hardware = new SystolicHardware((long)row[0], (long)row[1], (Dataflow)(int)row[2], row[3], row[3], row[3]);
            SystolicArguments.Check(hardware, row[7]);
            Gemm gemm = GemmOf(row, 4);
            long words = _options.Words(row[3]), bandwidth = (long)row[7];
            (long dram, long stall) = _memo.GetOrAdd(
                operand, hardware.Rows, hardware.Cols, hardware.Dataflow, hardware.IfmapSramKb, gemm.M, gemm.N, gemm.K, bandwidth,
                () => function(hardware.Dataflow, gemm, hardware.Rows, hardware.Cols, words, bandwidth));
            output[0] = dram;
            output[1] = stall;
        });

    private static Gemm GemmOf(ReadOnlySpan<double> row, int at) => new((long)row[at], (long)row[at + 1], (long)row[at + 2]);

    private static Tensor CeilDiv(Tensor numerator, Tensor denominator) => (numerator / denominator).ceil();
}
