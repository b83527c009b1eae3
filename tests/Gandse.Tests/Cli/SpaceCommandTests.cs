using System.Text.Json;

namespace Gandse.Tests.Cli;

public class SpaceCommandTests
{
    [Fact]
    public void Show_lists_parameters_choices_and_size()
    {
        (int exitCode, string output, _) = CliRunner.Run("space", "show", "systolic");

        Assert.Equal(0, exitCode);
        Assert.Contains("518,400", output);
        Assert.Contains("dataflow", output);
        Assert.Contains("{os, ws, is}", output);
    }

    [Fact]
    public void Show_as_json_gives_each_parameter_with_its_choices_and_default()
    {
        (int exitCode, string output, _) = CliRunner.Run("space", "show", "systolic", "--json");

        Assert.Equal(0, exitCode);
        using JsonDocument json = JsonDocument.Parse(output);
        JsonElement rows = json.RootElement.GetProperty("parameters")[0];
        Assert.Equal("rows", rows.GetProperty("name").GetString());
        Assert.Equal(10, rows.GetProperty("choices").GetArrayLength());
        Assert.Equal("32", rows.GetProperty("default").GetString());
    }

    [Fact]
    public void An_unknown_space_is_a_usage_error()
    {
        (int exitCode, _, string error) = CliRunner.Run("space", "show", "eyeriss");

        Assert.Equal(2, exitCode);
        Assert.Equal("error: unknown space 'eyeriss'; allowed: systolic, maestro", error.TrimEnd());
    }

    [Fact]
    public void Help_describes_the_commands()
    {
        (int exitCode, string output, _) = CliRunner.Run("--help");

        Assert.Equal(0, exitCode);
        foreach (string command in new[] { "space", "evaluate", "optimum", "bench" })
        {
            Assert.Contains(command, output);
        }
    }
}
