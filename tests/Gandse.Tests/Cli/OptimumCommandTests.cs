using System.Text.Json;

namespace Gandse.Tests.Cli;

public class OptimumCommandTests
{
    [Fact]
    public void The_optimum_as_json_holds_the_design_its_metrics_and_the_search()
    {
        (int exitCode, string output, _) = CliRunner.Run(
            "optimum", "--workload", "gemm:M=1024,N=1024,K=1024", "--mac-budget", "4096", "--sram-budget-kb", "1024", "--json");

        Assert.Equal(0, exitCode);
        using JsonDocument json = JsonDocument.Parse(output);
        JsonElement root = json.RootElement;
        Assert.True(root.GetProperty("found").GetBoolean());
        Assert.Equal("518400", root.GetProperty("space_size").GetString());
        JsonElement design = root.GetProperty("design");
        Assert.True(design.GetProperty("rows").GetInt64() * design.GetProperty("cols").GetInt64() <= 4096);
        Assert.True(design.GetProperty("ifmap_sram_kb").GetInt64() + design.GetProperty("filter_sram_kb").GetInt64() + design.GetProperty("ofmap_sram_kb").GetInt64() <= 1024);
        Assert.True(root.GetProperty("metrics").GetProperty("total_cycles").GetInt64() > 0);
        Assert.True(root.GetProperty("milliseconds").GetDouble() > 0);
    }

    [Fact]
    public void The_optimum_of_a_topology_file_is_exported_for_scale_sim_with_the_optimums_array()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"gandse-optimum-export-{Guid.NewGuid():N}");
        string topology = Path.Combine(Path.GetTempPath(), $"gandse-pair-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(topology, new[] { "Layer,M,N,K,", "A,256,64,576,", "B,49,512,4608," });
        try
        {
            (int exitCode, string output, string error) = CliRunner.Run(
                "optimum", "-w", $"topology:{topology}", "--mac-budget", "1024", "--export-scalesim", folder, "--json");

            Assert.Equal(0, exitCode);
            using JsonDocument json = JsonDocument.Parse(output);
            JsonElement hardware = json.RootElement.GetProperty("design");
            Assert.Contains("exported for SCALE-Sim v2", error);
            string config = File.ReadAllText(Directory.GetFiles(folder, "*.cfg").First());
            Assert.Contains($"ArrayHeight: {hardware.GetProperty("rows").GetInt64()}\n", config);
            int rows = Directory.GetFiles(folder, "*.csv").Sum(f => File.ReadAllLines(f).Length - 1);
            Assert.Equal(2, rows);
        }
        finally
        {
            File.Delete(topology);
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public void An_export_folder_that_is_a_file_is_refused_before_the_search()
    {
        string file = Path.GetTempFileName();
        try
        {
            (int exitCode, _, string error) = CliRunner.Run("optimum", "-w", "gemm:M=8,N=8,K=8", "--export-scalesim", file);

            Assert.Equal(2, exitCode);
            Assert.Contains("--export-scalesim", error);
            Assert.Contains("is a file", error);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void An_impossible_query_says_so_plainly()
    {
        (int exitCode, string output, _) = CliRunner.Run("optimum", "-w", "gemm:M=64,N=64,K=64", "--sram-budget-kb", "2");

        Assert.Equal(0, exitCode);
        Assert.Contains("no feasible design", output);
    }

    [Theory]
    [InlineData(new[] { "optimum", "-w", "gemm:M=8,N=8,K=8", "--mac-budget", "0" }, "--mac-budget '0'")]
    [InlineData(new[] { "optimum", "-w", "gemm:M=8,N=8,K=8", "--mac-budget", "12.5" }, "--mac-budget '12.5'")]
    [InlineData(new[] { "optimum", "-w", "gemm:M=8,N=8,K=8", "--fix", "rows=12" }, "'12' is not a choice of rows")]
    [InlineData(new[] { "optimum", "-w", "gemm:M=8,N=8,K=8", "--fix", "dataflow=xs" }, "'xs' is not a choice of dataflow")]
    [InlineData(new[] { "optimum", "-w", "gemm:M=8,N=8,K=8", "--objective", "fastest" }, "unknown objective 'fastest'")]
    [InlineData(new[] { "optimum", "-w", "gemm:M=8,N=8,K=8", "--objective", "cheapest-meeting-latency" }, "needs --target-latency")]
    [InlineData(new[] { "optimum", "-w", "gemm:M=8,N=8,K=8", "--target-latency", "5000" }, "--target-latency is not read by --objective latency, so it would be ignored")]
    [InlineData(new[] { "optimum", "-w", "gemm:M=8,N=8" }, "missing workload field 'K'")]
    [InlineData(new[] { "optimum", "--mac-budget", "8" }, "--workload")]
    public void Bad_input_prints_one_line_and_exits_with_2(string[] args, string expected)
    {
        (int exitCode, _, string error) = CliRunner.Run(args);

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, error);
        Assert.Single(error.TrimEnd().Split('\n'));
    }
}
