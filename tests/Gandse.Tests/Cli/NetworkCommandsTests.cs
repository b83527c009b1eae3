using System.Text.Json;
using Gandse.Workloads;

namespace Gandse.Tests.Cli;

public class NetworkCommandsTests
{
    private const string Pair = "network:pair:3136x64x576;49x512x4608*2";

    [Fact]
    public void The_network_optimum_is_no_slower_than_the_best_single_layer_design_and_its_layers_add_up()
    {
        (int exitCode, string output, _) = CliRunner.Run("optimum", "-w", Pair, "--mac-budget", "1024", "--sram-budget-kb", "384", "--dram-bw", "8", "--json");

        Assert.Equal(0, exitCode);
        using JsonDocument json = JsonDocument.Parse(output);
        JsonElement root = json.RootElement;
        double total = root.GetProperty("metrics").GetProperty("total_cycles").GetDouble();
        JsonElement[] layers = root.GetProperty("layers").EnumerateArray().ToArray();
        Assert.Equal(2, layers.Length);
        Assert.Equal(total, layers.Sum(l => l.GetProperty("total_cycles").GetDouble()));
        Assert.Equal(1.0, layers.Sum(l => l.GetProperty("share").GetDouble()), 9);
        Assert.Equal(2, layers[1].GetProperty("repeats").GetInt64());

        // The same hardware and dataflows through evaluate give the same total.
        JsonElement design = root.GetProperty("design");
        string designText = string.Join(",", design.EnumerateObject().Select(p => $"{p.Name}={p.Value.GetDouble()}"));
        string dataflows = string.Join(",", layers.Select(l => l.GetProperty("dataflow").GetString()));
        (int evalExit, string evalOutput, _) = CliRunner.Run("evaluate", "-w", Pair, "-d", designText, "--layer-dataflows", dataflows, "--dram-bw", "8", "--json");
        Assert.Equal(0, evalExit);
        using JsonDocument evaluated = JsonDocument.Parse(evalOutput);
        Assert.Equal(total, evaluated.RootElement.GetProperty("metrics").GetProperty("total_cycles").GetDouble());

        // No single-dataflow design on any array within the budgets beats it: the optimum of each layer alone bounds it below.
        foreach (string dataflow in new[] { "os", "ws", "is" })
        {
            (_, string uniform, _) = CliRunner.Run("evaluate", "-w", Pair, "-d", $"{designText},dataflow={dataflow}", "--dram-bw", "8", "--json");
            using JsonDocument u = JsonDocument.Parse(uniform);
            Assert.True(u.RootElement.GetProperty("metrics").GetProperty("total_cycles").GetDouble() >= total);
        }
    }

    [Fact]
    public void A_built_in_network_evaluates_as_a_whole_with_a_row_per_layer()
    {
        (int exitCode, string output, _) = CliRunner.Run("evaluate", "-w", "network:alexnet", "-d", "rows=32,cols=32", "--json");

        Assert.Equal(0, exitCode);
        using JsonDocument json = JsonDocument.Parse(output);
        Assert.Equal(BuiltInNetworks.Get("alexnet").Layers.Count, json.RootElement.GetProperty("layers").GetArrayLength());
        Assert.Equal("conv1", json.RootElement.GetProperty("layers")[0].GetProperty("name").GetString());
        Assert.Equal(BuiltInNetworks.Get("alexnet").Macs, json.RootElement.GetProperty("workload").GetProperty("macs").GetInt64());
    }

    [Theory]
    [InlineData(new[] { "evaluate", "-w", "gemm:M=8,N=8,K=8", "--layer-dataflows", "os" }, "--layer-dataflows is for network workloads")]
    [InlineData(new[] { "evaluate", "-w", Pair, "--layer-dataflows", "os" }, "1 layer dataflows given for 2 layers")]
    [InlineData(new[] { "evaluate", "-w", Pair, "--layer-dataflows", "os,xs" }, "dataflow 'xs' is not allowed")]
    [InlineData(new[] { "evaluate", "-w", Pair, "-d", "dataflow=ws", "--layer-dataflows", "os,os" }, "not both")]
    [InlineData(new[] { "optimum", "-w", Pair, "--objective", "cheapest-meeting-latency", "--target-latency", "5" }, "a network's optimum is least total latency")]
    [InlineData(new[] { "optimum", "-w", Pair, "--fix", "rows=8" }, "--fix is for one layer")]
    public void Network_options_that_do_not_apply_are_refused(string[] args, string message)
    {
        (int exitCode, _, string error) = CliRunner.Run(args);

        Assert.Equal(2, exitCode);
        Assert.Contains(message, error);
    }
}
