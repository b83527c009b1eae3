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
