using System.Text.Json;
using Gandse.Tests.Simulators;

namespace Gandse.Tests.Cli;

/// <summary>The benchmarks of the maestro model: its speed beside the scalar reference, and its agreement with the real MAESTRO.</summary>
public sealed class MaestroBenchTests : IDisposable
{
    private readonly string _cache = Directory.CreateTempSubdirectory("gandse-maestro-bench-").FullName;

    public void Dispose() => Directory.Delete(_cache, recursive: true);

    [MaestroFact]
    public void Fidelity_against_maestro_reports_every_metric_and_lists_no_runtime_difference()
    {
        (int exitCode, string output, string error) = CliRunner.Run(
            "bench", "fidelity", "--simulator", "maestro", "--cases", "24", "--seed", "3", "--simulator-cache", _cache, "--json");

        Assert.True(exitCode == 0, error);
        using JsonDocument json = JsonDocument.Parse(output);
        JsonElement root = json.RootElement;
        Assert.Equal(24, root.GetProperty("cases").GetInt32());
        Assert.Equal(24, root.GetProperty("refusal_agreements").GetInt32());
        Assert.Equal(24, root.GetProperty("valid_agreements").GetInt32());
        int analysed = root.GetProperty("analysed").GetInt32();
        Assert.InRange(analysed, 10, 24);
        JsonElement[] metrics = root.GetProperty("metrics").EnumerateArray().ToArray();
        Assert.Equal("runtime_cycles", metrics[0].GetProperty("metric").GetString());
        Assert.Equal(analysed, metrics[0].GetProperty("equal").GetInt32());
        Assert.All(metrics, m => Assert.Equal(analysed, m.GetProperty("within_0_1_percent").GetInt32()));
        Assert.Empty(root.GetProperty("runtime_differences").EnumerateArray());
    }

    [Fact]
    public void The_simulator_benchmark_times_the_maestro_model_and_checks_it_against_the_reference()
    {
        (int exitCode, string output, string error) = CliRunner.Run("bench", "simulator", "--space", "maestro", "--workloads", "4", "--designs", "16", "--json");

        Assert.True(exitCode == 0, error);
        using JsonDocument json = JsonDocument.Parse(output);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("systolic").ValueKind);
        JsonElement maestro = json.RootElement.GetProperty("maestro");
        Assert.True(maestro.GetProperty("implementations_agree").GetBoolean());
        Assert.Equal(768, maestro.GetProperty("optimum_space_size").GetInt32());
        Assert.True(maestro.GetProperty("batched_evaluations_per_second").GetDouble() > 0);
        Assert.True(maestro.GetProperty("batched_cold_evaluations_per_second").GetDouble() > 0);
        Assert.True(maestro.GetProperty("batched_cpu_us_per_evaluation").GetDouble() > 0);
        Assert.True(maestro.GetProperty("one_thread_row_analysis_us_per_evaluation").GetDouble() > 0);
        Assert.True(maestro.GetProperty("one_thread_us_per_evaluation").GetDouble() >= maestro.GetProperty("one_thread_row_analysis_us_per_evaluation").GetDouble());
        Assert.Equal(21, maestro.GetProperty("optimum_ms").GetArrayLength());
        Assert.True(maestro.GetProperty("optimum_cold_ms").GetDouble() > 0);
    }

    [Theory]
    [InlineData(new[] { "bench", "fidelity", "--simulator", "gem5" }, "--simulator 'gem5' is not allowed; allowed: scalesim, maestro")]
    [InlineData(new[] { "bench", "fidelity", "--simulator", "maestro", "--layers", "resnet50" }, "--layers is for --simulator scalesim")]
    [InlineData(new[] { "bench", "fidelity", "--simulator", "maestro", "--maestro", "/nonexistent/maestro" }, "/nonexistent/maestro")]
    [InlineData(new[] { "bench", "simulator", "--space", "eyeriss" }, "--space 'eyeriss' is not allowed; allowed: systolic, maestro, all")]
    public void Bad_options_print_one_line_and_exit_with_2(string[] args, string expected)
    {
        (int exitCode, _, string error) = CliRunner.Run(args);

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, error);
        Assert.Single(error.TrimEnd().Split('\n'));
    }
}
