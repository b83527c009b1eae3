using Gandse.CostModels.Systolic.Memory;
using Gandse.Workloads;

namespace Gandse.CostModels.Systolic;

/// <summary>
/// The fast systolic model written plainly, one design and one GEMM at a time: the reference the batched
/// <see cref="SystolicCostModel"/> is held to. Compute cycles, SRAM and DRAM counts are SCALE-Sim v2's exactly;
/// stalls are estimated from when each read buffer's window steps fall and from the OFMAP's drain rate
/// (<see cref="SystolicOperands"/>); <see cref="ScaleSimEmulator"/> replays the memory system exactly.
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
        SystolicArguments.Check(hardware, dramBandwidth);
        long bandwidth = (long)dramBandwidth, r = hardware.Rows, c = hardware.Cols;
        long computeCycles = SystolicAccounting.ComputeCycles(hardware, gemm);
        (long ifmapReads, long ifmapStall) = SystolicOperands.Ifmap(hardware.Dataflow, gemm, r, c, _options.Words(hardware.IfmapSramKb), bandwidth);
        (long filterReads, long filterStall) = SystolicOperands.Filter(hardware.Dataflow, gemm, r, c, _options.Words(hardware.FilterSramKb), bandwidth);
        (long ofmapWrites, long ofmapStall) = SystolicOperands.Ofmap(hardware.Dataflow, gemm, r, c, _options.Words(hardware.OfmapSramKb), bandwidth, computeCycles);

        // Read stalls are the most the slowest prefetch chain falls behind (they do not add up); OFMAP waits
        // overlap them too.
        long stall = Math.Max(Math.Max(ifmapStall, filterStall), ofmapStall);
        return SystolicAccounting.Metrics(hardware, gemm, computeCycles, stall, ifmapReads, filterReads, ofmapWrites);
    }
}
