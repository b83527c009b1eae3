using System.Diagnostics;
using Gandse.CostModels.Systolic;
using Gandse.Simulators.ScaleSim;
using Gandse.Spaces;
using Gandse.Workloads;

namespace Gandse.Tests.Simulators;

/// <summary>Exported SCALE-Sim files: what they hold, and (where SCALE-Sim is installed) that they run as they are.</summary>
public sealed class ScaleSimExportTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"gandse-export-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static readonly Network Pair = new("pair", new[]
    {
        new NetworkLayer("first, of two", new Gemm(33, 20, 17)),
        new NetworkLayer("second", new Gemm(16, 8, 9), 2),
    });

    private static (DesignSpace Space, Design Design) NetworkDesign()
    {
        DesignSpace space = SystolicNetworkSpace.Create(2);
        var choices = new Dictionary<string, string>
        {
            ["rows"] = "8", ["cols"] = "4", ["ifmap_sram_kb"] = "2", ["filter_sram_kb"] = "1", ["ofmap_sram_kb"] = "4",
            [SystolicNetworkSpace.DataflowName(0)] = "ws", [SystolicNetworkSpace.DataflowName(1)] = "os",
        };
        return (space, space.Parse(choices, new Dictionary<string, string>()));
    }

    [Fact]
    public void A_network_design_is_one_config_and_gemm_topology_per_dataflow_with_repeats_written_out()
    {
        (DesignSpace space, Design design) = NetworkDesign();

        IReadOnlyList<string> files = ScaleSimExport.Write(_folder, space, design, Pair, 4);

        Assert.Equal(new[] { "gandse-os.cfg", "gandse-os.csv", "gandse-ws.cfg", "gandse-ws.csv", "run.sh" }, files);
        Assert.Equal(new[] { "Layer, M, N, K,", "second_1, 16, 8, 9,", "second_2, 16, 8, 9," }, File.ReadAllLines(Path.Combine(_folder, "gandse-os.csv")));
        Assert.Equal(new[] { "Layer, M, N, K,", "first; of two, 33, 20, 17," }, File.ReadAllLines(Path.Combine(_folder, "gandse-ws.csv")));
        string config = File.ReadAllText(Path.Combine(_folder, "gandse-ws.cfg"));
        Assert.Contains("ArrayHeight: 8\nArrayWidth: 4\n", config);
        Assert.Contains("Dataflow : ws\n", config);
        Assert.Contains("Bandwidth : 4\n", config);
        Assert.Contains("-c gandse-ws.cfg -t gandse-ws.csv -p out -i gemm", File.ReadAllText(Path.Combine(_folder, "run.sh")));
    }

    [Fact]
    public void A_conv_layer_keeps_scale_sims_conv_form()
    {
        DesignSpace space = SystolicSpace.Create();
        Design design = space.Parse(new Dictionary<string, string> { ["rows"] = "4", ["cols"] = "4", ["dataflow"] = "is" }, SystolicSpace.Defaults);

        ScaleSimExport.Write(_folder, space, design, new ConvLayer(10, 10, 3, 3, 3, 8, 1, 0), 10);

        Assert.StartsWith("Layer name, IFMAP Height", File.ReadAllText(Path.Combine(_folder, "gandse.csv")));
        Assert.DoesNotContain("-i gemm", File.ReadAllText(Path.Combine(_folder, "run.sh")));
    }

    [ScaleSimFact]
    public void The_exported_files_run_in_scale_sim_and_give_the_cycles_gandse_computes()
    {
        (DesignSpace space, Design design) = NetworkDesign();
        ScaleSimExport.Write(_folder, space, design, Pair, 4);
        var installation = ScaleSimInstallation.Locate(null);

        var run = new ProcessStartInfo("sh", new[] { Path.Combine(_folder, "run.sh"), installation.Folder, installation.Python }) { RedirectStandardOutput = true, RedirectStandardError = true };
        using Process process = Process.Start(run)!;
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, output);

        foreach ((string dataflow, Gemm[] layers) in new[] { ("ws", new[] { new Gemm(33, 20, 17) }), ("os", new[] { new Gemm(16, 8, 9), new Gemm(16, 8, 9) }) })
        {
            string[] rows = File.ReadAllLines(Path.Combine(_folder, "out", $"gandse-{dataflow}", "COMPUTE_REPORT.csv")).Skip(1).Where(l => l.Trim().Length > 0).ToArray();
            Assert.Equal(layers.Length, rows.Length);
            var hardware = new SystolicHardware(8, 4, DataflowNames.Parse(dataflow), 2, 1, 4);
            for (int i = 0; i < rows.Length; i++)
            {
                long reported = long.Parse(rows[i].Split(',')[1].Trim(), System.Globalization.CultureInfo.InvariantCulture) + 1;
                Assert.Equal(ScaleSimEmulator.Evaluate(hardware, layers[i], 4).TotalCycles, reported);
            }
        }
    }
}
