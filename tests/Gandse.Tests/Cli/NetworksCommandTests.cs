using System.Text.Json;
using Gandse.Workloads;

namespace Gandse.Tests.Cli;

public class NetworksCommandTests
{
    [Fact]
    public void The_list_as_json_gives_every_built_in_network_with_its_size()
    {
        (int exitCode, string output, _) = CliRunner.Run("networks", "--json");

        Assert.Equal(0, exitCode);
        using JsonDocument json = JsonDocument.Parse(output);
        Assert.Equal(BuiltInNetworks.Names, json.RootElement.EnumerateArray().Select(n => n.GetProperty("name").GetString()));
        JsonElement resnet101 = json.RootElement.EnumerateArray().Single(n => n.GetProperty("name").GetString() == "resnet101");
        Assert.Equal(105, resnet101.GetProperty("layers").GetInt32());
        Assert.Equal(21, resnet101.GetProperty("distinct_shapes").GetInt32());
    }

    [Fact]
    public void A_network_shows_each_layer_as_a_gemm_with_its_repeats()
    {
        (int exitCode, string output, _) = CliRunner.Run("networks", "bert-base", "--json");

        Assert.Equal(0, exitCode);
        using JsonDocument json = JsonDocument.Parse(output);
        JsonElement scores = json.RootElement.GetProperty("layers").EnumerateArray().Single(l => l.GetProperty("name").GetString() == "attention.scores");
        Assert.Equal(128, scores.GetProperty("M").GetInt64());
        Assert.Equal(64, scores.GetProperty("K").GetInt64());
        Assert.Equal(144, scores.GetProperty("repeats").GetInt64());
    }

    [Fact]
    public void An_unknown_network_is_a_usage_error_naming_the_allowed_ones()
    {
        (int exitCode, _, string error) = CliRunner.Run("networks", "resnet51");

        Assert.Equal(2, exitCode);
        Assert.StartsWith("error: unknown network 'resnet51'; allowed: alexnet,", error.TrimEnd());
    }
}
