using System.Text.Json;
using Gandse.Simulators.ScaleSim;
using Gandse.Tests.Simulators;

namespace Gandse.Tests.Cli;

/// <summary>The CLI's external-simulator options: clear errors without SCALE-Sim, real runs with it.</summary>
public sealed class SimulatorCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gandse-simulator-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(new[] { "evaluate", "-w", "gemm:M=8,N=8,K=8", "--simulator", "scalesim", "--scalesim", "/nonexistent" }, "'/nonexistent' is not SCALE-Sim v2")]
    [InlineData(new[] { "evaluate", "-w", "gemm:M=8,N=8,K=8", "--simulator", "gem5" }, "--simulator 'gem5' is not allowed; allowed: gandse, scalesim")]
    [InlineData(new[] { "bench", "fidelity", "--scalesim", "/nonexistent" }, "'/nonexistent' is not SCALE-Sim v2")]
    [InlineData(new[] { "bench", "fidelity", "--cases", "1" }, "--cases and --designs-per-group must be at least 2")]
    [InlineData(new[] { "bench", "fidelity", "--csv", "/nonexistent/out.csv" }, "folder '/nonexistent' does not exist")]
    [InlineData(new[] { "generate", "-c", "checkpoints/systolic-gemm", "-w", "gemm:M=8,N=8,K=8", "--verify-with", "gem5" }, "--verify-with 'gem5' is not allowed")]
    public void Bad_simulator_options_print_one_line_and_exit_with_2(string[] args, string expected)
    {
        (int exitCode, string output, string error) = CliRunner.Run(args);

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, error);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Equal(string.Empty, output);
    }

    [ScaleSimFact]
    public void Evaluate_runs_scale_sim_and_reports_its_figures_under_gandses_names()
    {
        (int exitCode, string output, string error) = CliRunner.Run(
            "evaluate", "-w", "gemm:M=33,N=20,K=17", "-d", "rows=8,cols=8,dataflow=ws,ifmap_sram_kb=1,filter_sram_kb=1,ofmap_sram_kb=1",
            "--dram-bw", "1", "--simulator", "scalesim", "--simulator-cache", _directory, "--json");

        Assert.True(exitCode == 0, error);
        using JsonDocument json = JsonDocument.Parse(output);
        JsonElement metrics = json.RootElement.GetProperty("metrics");
        Assert.Equal(11349, metrics.GetProperty("total_cycles").GetInt64());
        Assert.Equal(10854, metrics.GetProperty("stall_cycles").GetInt64());
        Assert.Equal(11776, metrics.GetProperty("dram_ifmap_reads").GetInt64());
    }

    [ScaleSimFact]
    public void A_csv_through_scale_sim_is_cached_so_the_second_pass_runs_nothing()
    {
        string input = Path.Combine(_directory, "designs.csv");
        File.WriteAllText(input, "M,N,K,rows,cols,dataflow,ifmap_sram_kb,dram_bw\n33,20,17,8,8,os,64,10\n16,16,16,4,8,is,1,2\n");
        string[] args = { "evaluate", "--input", input, "--simulator", "scalesim", "--simulator-cache", Path.Combine(_directory, "cache") };

        (int first, string output, string error) = CliRunner.Run(args);
        (int second, string again, string secondError) = CliRunner.Run(args);

        Assert.Equal(0, first);
        Assert.Equal(0, second);
        Assert.Contains("(2 runs, 0 from the cache)", error);
        Assert.Contains("(0 runs, 2 from the cache)", secondError);
        Assert.Equal(output, again);
        Assert.Equal("465", output.Split('\n')[1].Split(',')[10]);
    }
}
