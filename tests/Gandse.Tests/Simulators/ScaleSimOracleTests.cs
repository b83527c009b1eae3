using Gandse.CostModels.Systolic;
using Gandse.Simulators;
using Gandse.Simulators.ScaleSim;
using Gandse.Workloads;

namespace Gandse.Tests.Simulators;

/// <summary>
/// Gandse's systolic models against the real SCALE-Sim v2, run from this test on small cases chosen to exercise
/// each mechanism of its memory system: operands that fit half their SRAM, forward streaming, laps from blocks that
/// start behind the window and from held tiles read back to front, repeated os filter blocks, OFMAP drains that fill
/// the SRAM, padded partial folds, bandwidth rounding, all three dataflows and non-square arrays.
/// </summary>
public sealed class ScaleSimOracleTests : IDisposable
{
    private static readonly ScaleSimCase[] Cases =
    {
        Case(3, 64, 147, 32, 4, "os", 8, 64, 8, 4), Case(128, 3, 17, 12, 32, "os", 4, 8, 1, 16), Case(3, 1, 9, 5, 14, "os", 4, 64, 2, 16),
        Case(16, 100, 9, 32, 8, "os", 64, 4, 64, 10), Case(2, 3, 256, 1, 6, "os", 1, 64, 2, 64), Case(33, 255, 2, 12, 16, "os", 4, 1, 2, 4),
        Case(257, 8, 9, 32, 6, "os", 64, 1, 4, 4), Case(16, 64, 64, 32, 14, "os", 8, 8, 8, 64), Case(64, 16, 100, 8, 8, "os", 64, 1, 64, 4),
        Case(64, 64, 4, 32, 32, "os", 64, 64, 1, 1), Case(33, 20, 17, 32, 8, "os", 1, 1, 1, 3),
        Case(33, 3, 1, 16, 6, "ws", 8, 64, 1, 16), Case(16, 20, 17, 16, 6, "ws", 3, 8, 2, 4), Case(64, 1, 100, 12, 16, "ws", 8, 64, 8, 1),
        Case(7, 64, 1, 32, 2, "ws", 4, 8, 2, 8), Case(128, 3, 9, 8, 14, "ws", 4, 1, 3, 8), Case(128, 1, 147, 12, 16, "ws", 64, 4, 4, 2),
        Case(33, 1, 2, 3, 16, "ws", 8, 8, 8, 4), Case(33, 3, 2, 2, 8, "ws", 1, 2, 4, 1), Case(32, 32, 64, 32, 32, "ws", 64, 1, 64, 8),
        Case(64, 1, 17, 32, 32, "is", 1, 1, 8, 4), Case(16, 255, 17, 16, 14, "is", 3, 1, 2, 3), Case(7, 3, 17, 8, 14, "is", 1, 64, 8, 64),
        Case(16, 3, 256, 12, 8, "is", 3, 64, 4, 64), Case(1, 64, 17, 32, 2, "is", 2, 2, 2, 3), Case(128, 100, 1, 2, 32, "is", 3, 2, 2, 16),
        Case(2, 3, 300, 8, 32, "is", 4, 8, 1, 3), Case(2, 128, 64, 5, 6, "is", 1, 1, 2, 8), Case(7, 8, 1, 8, 2, "is", 1, 4, 8, 64),
        Case(64, 32, 64, 32, 32, "is", 1, 64, 64, 8),
    };

    private readonly string _cache = Path.Combine(Path.GetTempPath(), $"gandse-scalesim-oracle-{Guid.NewGuid():N}");
    private static IReadOnlyList<IReadOnlyDictionary<string, double>>? _simulated;

    public void Dispose()
    {
        if (Directory.Exists(_cache))
        {
            Directory.Delete(_cache, recursive: true);
        }
    }

    [ScaleSimFact]
    public void The_emulator_equals_scale_sim_on_every_case()
    {
        IReadOnlyList<IReadOnlyDictionary<string, double>> simulated = Simulated();
        for (int i = 0; i < Cases.Length; i++)
        {
            SystolicMetrics exact = ScaleSimEmulator.Evaluate(Cases[i].Hardware, Cases[i].Gemm, Cases[i].Bandwidth);
            foreach ((string metric, double value) in exact.ToDictionary().Where(m => m.Key is not (SystolicMetricNames.Energy or SystolicMetricNames.Utilization)))
            {
                Assert.True(value == simulated[i][metric], $"{metric}: emulator {value}, SCALE-Sim {simulated[i][metric]} on {Cases[i]}");
            }
        }
    }

    [ScaleSimFact]
    public void The_fast_model_has_scale_sims_dram_counts_and_its_total_cycles_within_ten_percent()
    {
        IReadOnlyList<IReadOnlyDictionary<string, double>> simulated = Simulated();
        var model = new SystolicReferenceModel();
        int within = 0;
        for (int i = 0; i < Cases.Length; i++)
        {
            SystolicMetrics fast = model.Evaluate(Cases[i].Hardware, Cases[i].Gemm, Cases[i].Bandwidth);
            Assert.Equal(simulated[i][SystolicMetricNames.DramIfmapReads], fast.DramIfmapReads);
            Assert.Equal(simulated[i][SystolicMetricNames.DramFilterReads], fast.DramFilterReads);
            within += Math.Abs((fast.TotalCycles / simulated[i][SystolicMetricNames.TotalCycles]) - 1) <= 0.10 ? 1 : 0;
        }

        Assert.True(within >= 0.9 * Cases.Length, $"{within} of {Cases.Length} within 10 %");
    }

    [ScaleSimFact]
    public void A_conv_layer_runs_in_conv_mode_with_the_output_size_gandse_computes()
    {
        // 29 + 2 − 3 is odd: SCALE-Sim's ⌈(H − R + s) / s⌉ would count one output more than ⌊(H + 2p − R) / s⌋ + 1
        // unless the input is trimmed to what the windows read.
        var layer = new ConvLayer(29, 29, 4, 3, 3, 16, stride: 2, padding: 1);
        var hardware = new SystolicHardware(16, 8, Dataflow.Os, 64, 64, 64);
        var runner = new SimulatorRunner<ScaleSimCase>(new ScaleSimSimulator(ScaleSimInstallation.Locate(null)), _cache, TimeSpan.FromMinutes(2));

        IReadOnlyDictionary<string, double> simulated = runner.Run(new[] { new ScaleSimCase(hardware, layer, 16) })[0];

        Assert.Equal(15 * 15, layer.ToGemm().M);
        Assert.Equal(SystolicAccounting.ComputeCycles(hardware, layer.ToGemm()), simulated[SystolicMetricNames.ComputeCycles]);
        Assert.Equal(15 * 15 * 36L * 2, simulated[SystolicMetricNames.IfmapSramReads]);
    }

    private IReadOnlyList<IReadOnlyDictionary<string, double>> Simulated()
    {
        lock (Cases)
        {
            _simulated ??= new SimulatorRunner<ScaleSimCase>(new ScaleSimSimulator(ScaleSimInstallation.Locate(null)), _cache, TimeSpan.FromMinutes(2)).Run(Cases);
            return _simulated;
        }
    }

    private static ScaleSimCase Case(long m, long n, long k, long rows, long cols, string dataflow, int ifmapKb, int filterKb, int ofmapKb, long bandwidth) =>
        new(new SystolicHardware(rows, cols, DataflowNames.Parse(dataflow), ifmapKb, filterKb, ofmapKb), new Gemm(m, n, k), bandwidth);
}
