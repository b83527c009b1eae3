using System.Text.Json;

namespace Gandse.Tests.Cli;

public class SearchCommandTests
{
    [Fact]
    public void A_search_spends_at_most_its_budget_and_scores_its_answer_against_the_exact_optimum()
    {
        (int exitCode, string output, string error) = CliRunner.Run(
            "search", "--method", "bo", "-w", "gemm:M=256,N=256,K=256", "--mac-budget", "1024", "--sram-budget-kb", "384", "--budget", "24", "--json");

        Assert.True(exitCode == 0, error);
        using JsonDocument json = JsonDocument.Parse(output);
        JsonElement root = json.RootElement;
        Assert.Equal("bo", root.GetProperty("method").GetString());
        Assert.True(root.GetProperty("feasible").GetBoolean());
        Assert.InRange(root.GetProperty("calls").GetProperty("designs").GetInt32(), 1, 24);
        double quality = root.GetProperty("quality").GetDouble();
        Assert.InRange(quality, 1e-6, 1.0 + 1e-12);
        // The curve ends at the answer's quality.
        Assert.Equal(quality, root.GetProperty("quality_after_calls").GetProperty("24").GetDouble(), 12);
    }

    [Theory]
    [InlineData("gan", "--method gan trains before it answers; search runs")]
    [InlineData("annealing", "--method: unknown method 'annealing'; allowed:")]
    public void Methods_that_train_or_do_not_exist_are_refused(string method, string expected)
    {
        (int exitCode, _, string error) = CliRunner.Run("search", "--method", method, "-w", "gemm:M=64,N=64,K=64", "--mac-budget", "256");

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, error);
    }
}
