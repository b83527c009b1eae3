using Gandse.CostModels.Systolic.Memory;
using Gandse.Workloads;

namespace Gandse.CostModels.Systolic;

/// <summary>
/// An exact replay of SCALE-Sim v2's trace-driven memory system (<c>scalesim/memory/</c>, USER bandwidth mode) on
/// one GEMM: the compute module's demand, line by line, through the IFMAP and FILTER read buffers and the OFMAP
/// write buffer, with every address replaced by its place in the fetch order. It reproduces SCALE-Sim's stall
/// cycles and DRAM counts without its traces, at a cost that grows with the cycle count, so it serves checks and
/// single evaluations; the batched <see cref="SystolicCostModel"/> is the fast path.
/// </summary>
public static class ScaleSimEmulator
{
    /// <summary>One layer on one design, cycle by cycle as SCALE-Sim v2 runs it (slow: for tests and fidelity checks).</summary>
    public static SystolicMetrics Evaluate(SystolicHardware hardware, Gemm gemm, double bandwidth, SystolicOptions? options = null)
    {
        options ??= SystolicOptions.Default;
        SystolicArguments.Check(hardware, bandwidth);
        long perCycle = (long)bandwidth;
        long m = gemm.M, n = gemm.N, k = gemm.K, r = hardware.Rows, c = hardware.Cols;
        IFoldDemand demand = hardware.Dataflow switch
        {
            Dataflow.Os => new OutputStationaryDemand(m, n, k, r, c),
            Dataflow.Ws => new StationaryDemand(holdsFilter: true, m, n, k, r, c),
            _ => new StationaryDemand(holdsFilter: false, m, n, k, r, c),
        };

        var ifmap = new ReadBufferWindow(options.Words(hardware.IfmapSramKb), perCycle, demand.IfmapOrder);
        var filter = new ReadBufferWindow(options.Words(hardware.FilterSramKb), perCycle, demand.FilterOrder);
        var ofmap = new WriteBufferQueue(options.Words(hardware.OfmapSramKb), perCycle);
        long line = 0, stalls = 0, lastOut = 0;
        for (long colFold = 0; colFold < demand.ColFolds; colFold++)
        {
            for (long rowFold = 0; rowFold < demand.RowFolds; rowFold++)
            {
                for (long l = 0; l < demand.LinesPerFold; l++, line++)
                {
                    long cycle = line + stalls;
                    long wait = 0;
                    if (demand.Ifmap(colFold, rowFold, l, out long first, out long last))
                    {
                        wait = ifmap.Demand(cycle, first, last);
                    }

                    if (demand.Filter(colFold, rowFold, l, out first, out last))
                    {
                        wait = Math.Max(wait, filter.Demand(cycle, first, last));
                    }

                    long words = demand.OfmapWords(colFold, rowFold, l);
                    long ofmapWait = words > 0 ? ofmap.Write(cycle, words) : 0;
                    lastOut = cycle + ofmapWait;
                    stalls += Math.Max(wait, ofmapWait);
                }
            }
        }

        ofmap.Flush(lastOut);
        return SystolicAccounting.Metrics(
            hardware, gemm, computeCycles: line, stallCycles: stalls,
            dramIfmapReads: ifmap.DramReads, dramFilterReads: filter.DramReads, dramOfmapWrites: ofmap.DramWrites);
    }
}
