using Gandse.Conditions;
using Gandse.Spaces;
using Gandse.Tensors;
using TorchSharp;
using static TorchSharp.torch;
using P = Gandse.CostModels.Systolic.SystolicParameterNames;
using Metric = Gandse.CostModels.Systolic.SystolicMetricNames;

namespace Gandse.CostModels.Systolic;

/// <summary>
/// The systolic-array cost model on float64 tensors: any broadcastable batch of designs × GEMMs in one call.
/// Every step mirrors <see cref="SystolicReferenceModel"/> (integer counts are exact below 2^53); property
/// tests hold the two equal. Reads design values <c>rows, cols, dataflow, *_sram_kb</c> and condition values
/// <c>M, N, K, dram_bw</c>. The operations are differentiable where they are smooth, so relaxed (expected)
/// design values flow through it too.
/// </summary>
public sealed class SystolicCostModel : ICostModel
{
    private readonly SystolicOptions _options;

    public SystolicCostModel(DesignSpace? space = null, SystolicOptions? options = null)
    {
        Space = space ?? SystolicSpace.Create();
        _options = options ?? SystolicOptions.Default;
    }

    public DesignSpace Space { get; }

    public IReadOnlyList<string> MetricNames => Metric.All;

    public ValueBatch Evaluate(ValueBatch designs, ValueBatch conditions)
    {
        Tensor r = designs[P.Rows], c = designs[P.Cols], dataflow = designs[P.Dataflow];
        Tensor m = conditions[ConditionFields.M], n = conditions[ConditionFields.N], k = conditions[ConditionFields.K];
        Tensor isOs = dataflow.eq((double)Dataflow.Os), isWs = dataflow.eq((double)Dataflow.Ws), isIs = dataflow.eq((double)Dataflow.Is);

        // Fold counts per operand dimension, shared by cycles and SRAM traffic. SCALE-Sim's S_R is M (os) or
        // K (ws, is); S_C is N (os, ws) or M (is); T is K, M and N respectively.
        Tensor mOverR = CeilDiv(m, r), kOverR = CeilDiv(k, r), nOverC = CeilDiv(n, c), mOverC = CeilDiv(m, c);
        Tensor rowFolds = where(isOs, mOverR, kOverR);
        Tensor colFolds = where(isIs, mOverC, nOverC);
        Tensor temporal = where(isOs, k, where(isWs, m, n));
        Tensor fill = _options.OsFill == OsFillConvention.ScaleSimV2 ? where(isOs, r + c - 2, (2 * r) + c - 2) : (2 * r) + c - 2;
        Tensor computeCycles = (fill + temporal) * (rowFolds * colFolds);

        Tensor mk = m * k, kn = k * n, mn = m * n;
        Tensor ifmapSramReads = where(isIs, mk, mk * nOverC);
        Tensor filterSramReads = where(isWs, kn, kn * where(isOs, mOverR, mOverC));
        Tensor ofmapSramWrites = where(isOs, mn, mn * kOverR);

        // An operand is fetched from DRAM once when what it reuses across folds fits in half its buffer
        // (os: an ifmap row tile and the whole filter; ws: an ifmap column slice; is: a filter row slice;
        // ws and is: every partial sum), otherwise as often as SRAM reads it.
        Tensor minRowsK = minimum(r, k);
        Tensor ifmapFits = where(isOs, minimum(r, m) * k, where(isWs, m * minRowsK, 0.0)) <= HalfBufferWords(designs[P.IfmapSramKb]);
        Tensor filterFits = where(isOs, kn, where(isWs, 0.0, minRowsK * n)) <= HalfBufferWords(designs[P.FilterSramKb]);
        Tensor psumsFit = isOs | (mn <= HalfBufferWords(designs[P.OfmapSramKb]));
        Tensor ifmapDram = where(ifmapFits, mk, ifmapSramReads);
        Tensor filterDram = where(filterFits, kn, filterSramReads);
        Tensor dramWrites = where(psumsFit, mn, ofmapSramWrites);
        Tensor dramReads = ifmapDram + filterDram + (dramWrites - mn);

        Tensor dramCycles = ((dramReads + dramWrites) / conditions[ConditionFields.DramBandwidth]).ceil();
        Tensor stallCycles = (dramCycles - computeCycles).clamp_min(0);
        Tensor totalCycles = computeCycles + stallCycles;

        Tensor macs = mk * n;
        Tensor utilization = macs / (computeCycles * r * c);
        Tensor energy = (macs * (SystolicConstants.MacEnergy + (SystolicConstants.HopsPerMac * SystolicConstants.InterPeHopEnergy)))
            + ((ifmapSramReads + filterSramReads + ofmapSramWrites) * SystolicConstants.SramAccessEnergy)
            + ((dramReads + dramWrites) * SystolicConstants.DramAccessEnergy);
        Tensor sramKb = designs[P.IfmapSramKb] + designs[P.FilterSramKb] + designs[P.OfmapSramKb];
        Tensor area = (r * c * SystolicConstants.PeArea) + (sramKb * 1024.0 / SystolicConstants.SramBankBytes * SystolicConstants.SramAreaPer32KiB);

        Tensor[] metrics =
        {
            computeCycles, stallCycles, totalCycles, utilization, ifmapSramReads, filterSramReads, ofmapSramWrites,
            dramReads, dramWrites, energy, area,
        };
        IList<Tensor> broadcast = broadcast_tensors(metrics);
        return new ValueBatch(Metric.All.Select((name, i) => new KeyValuePair<string, Tensor>(name, broadcast[i])));
    }

    private Tensor HalfBufferWords(Tensor kilobytes) => kilobytes * 1024.0 / _options.WordBytes / 2.0;

    private static Tensor CeilDiv(Tensor numerator, Tensor denominator) => (numerator / denominator).ceil();
}
