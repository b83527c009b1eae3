using Gandse.Workloads;

namespace Gandse.CostModels.Systolic;

/// <summary>
/// What every systolic model computes the same way, scalar: compute cycles and SRAM traffic (closed forms equal
/// to SCALE-Sim v2's compute modules), utilisation, energy and area from the cycle and DRAM counts a model found.
/// The batched <see cref="SystolicCostModel"/> writes the same formulas on tensors.
/// </summary>
public static class SystolicAccounting
{
    /// <summary>
    /// Stall-free cycles: (fill + T) per fold, fill R + C − 2 for os (SCALE-Sim v2 overlaps each fold's output
    /// drain with the next fold), 2R + C − 2 for ws and is.
    /// </summary>
    public static long ComputeCycles(SystolicHardware hardware, Gemm gemm)
    {
        (_, _, long temporal) = Mapping(hardware.Dataflow, gemm);
        long r = hardware.Rows, c = hardware.Cols;
        long fill = hardware.Dataflow == Dataflow.Os ? r + c - 2 : (2 * r) + c - 2;
        return (fill + temporal) * FoldCount(hardware, gemm);
    }

    /// <summary>SCALE-Sim's S_R (on array rows), S_C (on array columns) and T (streamed) for a dataflow.</summary>
    public static (long SpatialRows, long SpatialCols, long Temporal) Mapping(Dataflow dataflow, Gemm gemm) => dataflow switch
    {
        Dataflow.Os => (gemm.M, gemm.N, gemm.K),
        Dataflow.Ws => (gemm.K, gemm.N, gemm.M),
        _ => (gemm.K, gemm.M, gemm.N),
    };

    /// <summary>The metrics of a layer from its compute cycles, stall cycles and access counts: totals, utilisation, energy and area.</summary>
    public static SystolicMetrics Metrics(
        SystolicHardware hardware, Gemm gemm, long computeCycles, long stallCycles,
        long dramIfmapReads, long dramFilterReads, long dramOfmapWrites)
    {
        long m = gemm.M, n = gemm.N, k = gemm.K, r = hardware.Rows, c = hardware.Cols;
        Dataflow dataflow = hardware.Dataflow;
        long folds = FoldCount(hardware, gemm);
        long ifmapSramReads = m * k * (dataflow == Dataflow.Is ? 1 : CeilDiv(n, c));
        long filterSramReads = k * n * dataflow switch
        {
            Dataflow.Os => CeilDiv(m, r),
            Dataflow.Ws => 1,
            _ => CeilDiv(m, c),
        };

        // os: SCALE-Sim adds R + C per fold to the OFMAP write count (systolic_compute_os.py), beside the outputs.
        long ofmapSramWrites = dataflow == Dataflow.Os ? (m * n) + (folds * (r + c)) : m * n * CeilDiv(k, r);

        double macs = (double)m * n * k;
        double sramAccesses = ifmapSramReads + filterSramReads + ofmapSramWrites;
        double dramAccesses = dramIfmapReads + dramFilterReads + dramOfmapWrites;
        double energy = (macs * (SystolicConstants.MacEnergy + (SystolicConstants.HopsPerMac * SystolicConstants.InterPeHopEnergy)))
            + (sramAccesses * SystolicConstants.SramAccessEnergy)
            + (dramAccesses * SystolicConstants.DramAccessEnergy);
        double area = ((double)(r * c) * SystolicConstants.PeArea)
            + (hardware.TotalSramKb * 1024.0 / SystolicConstants.SramBankBytes * SystolicConstants.SramAreaPer32KiB);
        return new SystolicMetrics(
            computeCycles, stallCycles, computeCycles + stallCycles, macs / ((double)computeCycles * r * c),
            ifmapSramReads, filterSramReads, ofmapSramWrites, dramIfmapReads, dramFilterReads, dramOfmapWrites, energy, area);
    }

    /// <summary>How many folds (array-sized tiles) the layer takes on the hardware.</summary>
    public static long FoldCount(SystolicHardware hardware, Gemm gemm)
    {
        (long spatialRows, long spatialCols, _) = Mapping(hardware.Dataflow, gemm);
        return CeilDiv(spatialRows, hardware.Rows) * CeilDiv(spatialCols, hardware.Cols);
    }

    private static long CeilDiv(long numerator, long denominator) => (numerator + denominator - 1) / denominator;
}
