using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Gandse.Tests.Cli;

/// <summary>
/// The shipped AIrchitect-v2 checkpoint answers a conv layer from the CLI without the dataset (CI has none cached),
/// within its calls, with the layer's optimum: the least runtime of all 768 designs, evaluated here through
/// <c>gandse evaluate --input</c>.
/// </summary>
public class ShippedAirchitectCheckpointTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gandse-av2-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void It_answers_a_resnet_layer_on_eyeriss_with_the_optimum_in_eight_calls()
    {
        string checkpoint = Path.Combine(Repository.Root, "checkpoints", "airchitect-v2");
        (int exitCode, string output, string error) = CliRunner.Run(
            "generate", "-c", checkpoint, "-w", "conv:K=64,C=64,Y=56,X=56,R=3,S=3", "--dataflow", "eye", "--calls", "8", "--json");

        Assert.True(exitCode == 0, error);
        using JsonDocument answer = JsonDocument.Parse(output);
        Assert.Equal("airchitect-v2", answer.RootElement.GetProperty("task").GetString());
        Assert.True(answer.RootElement.GetProperty("checked").GetInt64() <= 8);
        JsonElement best = answer.RootElement.GetProperty("designs")[0];
        Assert.True(best.GetProperty("feasible").GetBoolean());
        Assert.Equal(LeastRuntime("64,64,56,56,3,3,eye"), best.GetProperty("metrics").GetProperty("runtime_cycles").GetInt64());
    }

    private long LeastRuntime(string layer)
    {
        var csv = new StringBuilder("K,C,Y,X,R,S,dataflow,num_pe,KTileSz\n");
        for (int pes = 1; pes <= 64; pes++)
        {
            for (int tile = 1; tile <= 12; tile++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{layer},{pes},{tile}\n");
            }
        }

        string input = Path.Combine(_folder, "all.csv"), results = Path.Combine(_folder, "all.out.csv");
        File.WriteAllText(input, csv.ToString());
        (int exitCode, _, string error) = CliRunner.Run("evaluate", "--space", "maestro", "--input", input, "--output", results);
        Assert.True(exitCode == 0, error);
        string[] lines = File.ReadAllLines(results);
        string[] header = lines[0].Split(',');
        int runtime = Array.IndexOf(header, "runtime_cycles"), valid = Array.IndexOf(header, "valid");
        return lines.Skip(1).Select(l => l.Split(','))
            .Where(cells => cells[valid] == "1")
            .Min(cells => long.Parse(cells[runtime], CultureInfo.InvariantCulture));
    }
}
