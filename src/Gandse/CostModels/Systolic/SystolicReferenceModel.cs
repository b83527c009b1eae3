using Gandse.Workloads;

namespace Gandse.CostModels.Systolic;

/// <summary>
/// The systolic-array cost model written plainly, one design and one GEMM at a time: the reference the batched
/// <see cref="SystolicCostModel"/> is held to. Compute cycles and SRAM access counts are SCALE-Sim v2's; DRAM
/// traffic, stalls, energy and area are Gandse's first-order model (README, "Cost model").
/// </summary>
public sealed class SystolicReferenceModel
{
    private readonly SystolicOptions _options;

    public SystolicReferenceModel(SystolicOptions? options = null)
    {
        _options = options ?? SystolicOptions.Default;
    }

    public SystolicMetrics Evaluate(SystolicHardware hardware, Gemm gemm, double dramBandwidth)
    {
        if (hardware.Rows <= 0 || hardware.Cols <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(hardware), "Array rows and cols must be positive.");
        }

        if (!(hardware.IfmapSramKb > 0 && hardware.FilterSramKb > 0 && hardware.OfmapSramKb > 0 && dramBandwidth > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(hardware), "SRAM sizes and DRAM bandwidth must be positive.");
        }

        long m = gemm.M, n = gemm.N, k = gemm.K, r = hardware.Rows, c = hardware.Cols;
        Dataflow dataflow = hardware.Dataflow;

        // SCALE-Sim's mapping: S_R spatial along rows, S_C along columns, T temporal.
        (long spatialRows, long spatialCols, long temporal) = dataflow switch
        {
            Dataflow.Os => (m, n, k),
            Dataflow.Ws => (k, n, m),
            _ => (k, m, n),
        };
        long folds = CeilDiv(spatialRows, r) * CeilDiv(spatialCols, c);
        long fill = dataflow == Dataflow.Os && _options.OsFill == OsFillConvention.ScaleSimV2 ? r + c - 2 : (2 * r) + c - 2;
        long computeCycles = (fill + temporal) * folds;

        long ifmapSramReads = m * k * (dataflow == Dataflow.Is ? 1 : CeilDiv(n, c));
        long filterSramReads = k * n * dataflow switch
        {
            Dataflow.Os => CeilDiv(m, r),
            Dataflow.Ws => 1,
            _ => CeilDiv(m, c),
        };
        long ofmapSramWrites = m * n * (dataflow == Dataflow.Os ? 1 : CeilDiv(k, r));

        // DRAM: row folds outer, column folds inner. An operand is fetched once when the data it reuses across
        // folds fits in half its (double-buffered) SRAM, otherwise once per use, as often as SRAM reads it.
        (long ifmapWorkingSet, long filterWorkingSet, long psumWorkingSet) = dataflow switch
        {
            Dataflow.Os => (Math.Min(r, m) * k, k * n, 0L),
            Dataflow.Ws => (m * Math.Min(r, k), 0L, m * n),
            _ => (0L, Math.Min(r, k) * n, m * n),
        };
        long ifmapDram = ifmapWorkingSet <= HalfBufferWords(hardware.IfmapSramKb) ? m * k : ifmapSramReads;
        long filterDram = filterWorkingSet <= HalfBufferWords(hardware.FilterSramKb) ? k * n : filterSramReads;
        long dramWrites = psumWorkingSet <= HalfBufferWords(hardware.OfmapSramKb) ? m * n : ofmapSramWrites;
        long psumDramReads = dramWrites - (m * n);
        long dramReads = ifmapDram + filterDram + psumDramReads;

        // Double buffering overlaps transfers with compute; the array stalls only for what DRAM cannot hide.
        long dramCycles = (long)Math.Ceiling((dramReads + dramWrites) / dramBandwidth);
        long stallCycles = Math.Max(0, dramCycles - computeCycles);
        long totalCycles = computeCycles + stallCycles;

        double macs = m * n * k;
        double utilization = macs / ((double)computeCycles * r * c);
        double energy = (macs * (SystolicConstants.MacEnergy + (SystolicConstants.HopsPerMac * SystolicConstants.InterPeHopEnergy)))
            + ((double)(ifmapSramReads + filterSramReads + ofmapSramWrites) * SystolicConstants.SramAccessEnergy)
            + ((double)(dramReads + dramWrites) * SystolicConstants.DramAccessEnergy);
        double area = ((double)(r * c) * SystolicConstants.PeArea)
            + (hardware.TotalSramKb * 1024.0 / SystolicConstants.SramBankBytes * SystolicConstants.SramAreaPer32KiB);

        return new SystolicMetrics(
            computeCycles, stallCycles, totalCycles, utilization, ifmapSramReads, filterSramReads, ofmapSramWrites,
            dramReads, dramWrites, energy, area);
    }

    private double HalfBufferWords(double kilobytes) => kilobytes * 1024.0 / _options.WordBytes / 2.0;

    private static long CeilDiv(long numerator, long denominator) => (numerator + denominator - 1) / denominator;
}
