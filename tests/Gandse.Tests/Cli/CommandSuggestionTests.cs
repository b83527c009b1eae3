namespace Gandse.Tests.Cli;

public class CommandSuggestionTests
{
    [Theory]
    [InlineData(new[] { "evalute" }, "error: unknown command 'evalute'; did you mean 'evaluate'?")]
    [InlineData(new[] { "genrate", "-c", "x" }, "error: unknown command 'genrate'; did you mean 'generate'?")]
    [InlineData(new[] { "bench", "simulatr" }, "error: unknown command 'simulatr'; did you mean 'simulator'? (commands: simulator, fidelity, transfer)")]
    [InlineData(new[] { "xyzzy" }, "error: unknown command 'xyzzy' (commands: space, networks,")]
    public void A_mistyped_command_is_named_with_the_nearest_one(string[] args, string expected)
    {
        (int exitCode, _, string error) = CliRunner.Run(args);

        Assert.Equal(2, exitCode);
        Assert.StartsWith(expected, error);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Fact]
    public void An_extra_argument_to_a_real_command_is_not_called_a_command()
    {
        (int exitCode, _, string error) = CliRunner.Run("evaluate", "-w", "gemm:M=1,N=1,K=1", "extra");

        Assert.Equal(2, exitCode);
        Assert.Contains("'extra'", error);
        Assert.DoesNotContain("unknown command", error);
    }

    [Theory]
    [InlineData(new[] { "space" }, "error: 'gandse space' needs a command: list, show")]
    [InlineData(new[] { "checkpoint" }, "error: 'gandse checkpoint' needs a command: slim, info")]
    public void A_command_group_without_its_command_lists_the_commands(string[] args, string expected)
    {
        (int exitCode, _, string error) = CliRunner.Run(args);

        Assert.Equal(2, exitCode);
        Assert.StartsWith(expected, error);
    }
}
