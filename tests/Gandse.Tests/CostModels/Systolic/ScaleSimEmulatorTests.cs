using Gandse.CostModels.Systolic;
using Gandse.Workloads;

namespace Gandse.Tests.CostModels.Systolic;

/// <summary>
/// The emulator against results recorded from the real SCALE-Sim v2 (commit 22f88b1, USER bandwidth, one GEMM
/// per topology file, -i gemm): COMPUTE_REPORT's Total and Stall Cycles and DETAILED_ACCESS_REPORT's DRAM reads
/// and writes. The live comparison, against a SCALE-Sim run from this test run, is in ScaleSimOracleTests.
/// </summary>
public class ScaleSimEmulatorTests
{
    [Theory]
    // M, N, K, rows, cols, dataflow, SRAM KB (ifmap, filter, ofmap), bandwidth | SCALE-Sim: total (0-based last cycle), stall, DRAM ifmap, filter, ofmap.
    [InlineData(33, 20, 17, 8, 8, "os", 64, 64, 64, 10, 464, 0, 680, 410, 660)]
    [InlineData(33, 20, 17, 8, 8, "ws", 1, 1, 1, 1, 11348, 10854, 11776, 408, 1980)]
    [InlineData(33, 20, 17, 8, 8, "is", 1, 1, 1, 1, 880, 251, 1024, 480, 1980)]
    [InlineData(64, 8, 100, 32, 14, "os", 3, 8, 4, 2, 6191, 5904, 13824, 1400, 512)]
    [InlineData(1, 3, 300, 16, 14, "os", 2, 1, 1, 1, 665, 338, 1024, 1024, 3)]
    [InlineData(7, 64, 147, 16, 14, "os", 3, 1, 1, 16, 1978, 1104, 1536, 28160, 448)]
    [InlineData(257, 8, 9, 32, 6, "os", 64, 1, 4, 4, 809, 0, 2592, 108, 2059)]
    [InlineData(64, 1, 100, 12, 16, "ws", 8, 64, 8, 1, 4463, 3546, 8192, 1600, 576)]
    [InlineData(257, 20, 100, 16, 32, "ws", 1, 1, 1, 8, 7483, 5251, 51200, 8192, 36067)]
    [InlineData(257, 255, 9, 32, 14, "ws", 3, 64, 1, 4, 21297, 14971, 86016, 2396, 65674)]
    [InlineData(64, 20, 147, 1, 6, "ws", 3, 4, 1, 10, 41159, 0, 38500, 4100, 188160)]
    [InlineData(1, 64, 17, 32, 2, "is", 2, 2, 2, 3, 367, 240, 36, 2052, 64)]
    [InlineData(64, 1, 17, 32, 32, "is", 1, 1, 8, 4, 5350, 5161, 21504, 32, 64)]
    [InlineData(128, 100, 1, 2, 32, "is", 3, 2, 2, 16, 711, 176, 128, 208, 12831)]
    [InlineData(200, 128, 17, 16, 2, "is", 3, 2, 4, 64, 31999, 0, 10752, 247808, 51263)]
    public void The_emulator_reproduces_recorded_scale_sim_runs(
        long m, long n, long k, long rows, long cols, string dataflow, int ifmapKb, int filterKb, int ofmapKb, int bandwidth,
        long total, long stall, long ifmapReads, long filterReads, long ofmapWrites)
    {
        var hardware = new SystolicHardware(rows, cols, DataflowNames.Parse(dataflow), ifmapKb, filterKb, ofmapKb);

        SystolicMetrics metrics = ScaleSimEmulator.Evaluate(hardware, new Gemm(m, n, k), bandwidth);

        Assert.Equal(total + 1, metrics.TotalCycles);
        Assert.Equal(stall, metrics.StallCycles);
        Assert.Equal(ifmapReads, metrics.DramIfmapReads);
        Assert.Equal(filterReads, metrics.DramFilterReads);
        Assert.Equal(ofmapWrites, metrics.DramOfmapWrites);
    }

    [Fact]
    public void Bandwidth_must_be_whole_words_per_cycle()
    {
        var hardware = new SystolicHardware(8, 8, Dataflow.Os, 64, 64, 64);

        Assert.Throws<ArgumentOutOfRangeException>(() => ScaleSimEmulator.Evaluate(hardware, new Gemm(8, 8, 8), 2.5));
    }
}
