using System.Globalization;
using Gandse.Harness;
using Gandse.Methods.Gan;
using Gandse.Tasks;

namespace Gandse.Tests.Methods.Gan;

public sealed class NetworkGanTrainingTests
{
    [Fact]
    public void A_network_gan_trains_its_per_layer_head_on_the_best_mappings_of_its_own_hardware_and_answers_unseen_networks()
    {
        using var experiment = new TinyExperiment("systolic-network");
        var config = experiment.Config(
            "data.max_layers=16", "data.synthetic_layers_min=2", "data.synthetic_layers_max=8", "data.train_workloads=3", "data.val_workloads=2",
            "data.test_workloads=1", "data.test_networks=[vgg16]", "data.val_networks=[]", "data.conditions_per_workload=1", "train.steps=20", "train.val_queries=2",
            "generate.complete_mappings=true");

        TrainResult result = GanTrainer.Train(config, new TrainOptions(Gandse.Harness.HarnessValidator.Instance, experiment.Path("run"), experiment.Path("ckpt")));

        string[] metrics = File.ReadAllLines(Path.Combine(result.RunDirectory, "metrics.csv"));
        int mapping = Array.IndexOf(metrics[0].Split(','), "loss_mapping");
        double[] losses = metrics.Skip(1).Select(row => double.Parse(row.Split(',')[mapping], CultureInfo.InvariantCulture)).ToArray();
        Assert.All(losses, loss => Assert.InRange(loss, 1e-6, 10));
        var pretraining = Runs.TensorBoardEvents.Scalars(Runs.TensorBoardEvents.Read(result.RunDirectory)).Where(s => s.Tag == "mapping/cross_entropy").ToList();
        Assert.Equal(new long[] { 5, 10, 15, 20 }, pretraining.Select(s => s.Step));

        TrainedGan gan = TrainedGan.Load(experiment.Path("ckpt"));
        IReadOnlyList<LabelledCondition> queries = Gandse.Data.DatasetBuilder.LoadOrBuildSplit(gan.Config, gan.Task, "test");
        IReadOnlyList<QueryOutcome> outcomes = Scorer.ScoreEach(gan.Task, gan.Method(0), queries, 32);
        Assert.Single(outcomes);
        Assert.All(outcomes.Where(o => o.Feasible), o => Assert.True(o.Cost >= o.OptimumCost));

        // The same candidates (same seed) with and without their per-layer dataflows completed: completion
        // (this experiment's default) can only lower each candidate's latency, and the young head gets some wrong.
        double Quality(bool expectCompleted, params string[] extra)
        {
            (int exitCode, string output, string error) = Cli.CliRunner.Run(new[] { "eval", "-c", experiment.Path("ckpt"), "--json" }.Concat(extra).ToArray());
            Assert.True(exitCode == 0, error);
            System.Text.Json.JsonElement root = System.Text.Json.JsonDocument.Parse(output).RootElement;
            Assert.Equal(expectCompleted, root.GetProperty("complete_mappings").GetBoolean());
            return root.GetProperty("quality").GetDouble();
        }

        double byDefault = Quality(true), completed = Quality(true, "--complete-mappings", "true"), own = Quality(false, "--complete-mappings", "false");
        Assert.Equal(completed, byDefault);
        Assert.True(completed > own, $"completed {completed} vs own {own}");

        // generate gives a network design as its hardware and one row per layer of the network, not per slot.
        (int generated, string answer, string generateError) = Cli.CliRunner.Run("generate", "-c", experiment.Path("ckpt"), "-w", "network:alexnet", "--count", "1", "--json");
        Assert.True(generated == 0, generateError);
        System.Text.Json.JsonElement design = System.Text.Json.JsonDocument.Parse(answer).RootElement.GetProperty("designs")[0];
        Assert.Equal(8, design.GetProperty("layers").GetArrayLength());
        Assert.DoesNotContain(design.GetProperty("design").EnumerateObject(), p => p.Name.StartsWith("dataflow", StringComparison.Ordinal));
        Assert.Equal(
            design.GetProperty("metrics").GetProperty("total_cycles").GetDouble(),
            design.GetProperty("layers").EnumerateArray().Sum(l => l.GetProperty("total_cycles").GetDouble()));
    }
}
