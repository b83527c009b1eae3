using Gandse.Config;
using Gandse.Data;
using Gandse.Methods;
using Gandse.Methods.Gan;
using Gandse.Spaces;
using Gandse.Tasks;
using Gandse.Tests.Cli;
using Gandse.Tests.Methods.Gan;
using static TorchSharp.torch;

namespace Gandse.Tests.Methods.Ordinal;

/// <summary>The AIrchitect-v2-style recommender: trains, spends a budget on distinct best guesses, and answers from its checkpoint.</summary>
public sealed class OrdinalRecommenderTests : IDisposable
{
    private readonly TinyExperiment _experiment = new();

    public void Dispose() => _experiment.Dispose();

    [Fact]
    public void It_trains_with_gandse_train_and_its_checkpoint_proposes_the_same_distinct_designs_best_first()
    {
        string checkpoints = _experiment.Path("ordinal-ckpt");
        (int trained, string output, string error) = CliRunner.Run(
            "train", _experiment.ConfigPath, "--set", "method=airchitect-v2", "--set", "methods.airchitect_v2.steps=60", "--set", "methods.airchitect_v2.model_dim=16",
            "--run-dir", _experiment.Path("ordinal-run"), "--checkpoint-dir", checkpoints);
        Assert.True(trained == 0, error + output);
        Assert.Contains("trained airchitect-v2", output);

        ITrainedMethod first = TrainedMethods.Load(checkpoints);
        ITrainedMethod second = TrainedMethods.Load(checkpoints);
        ExperimentConfig config = _experiment.Config();
        IDseTask task = TaskCatalog.Create(config);
        var conditions = DatasetBuilder.LoadOrBuild(config, task).Dataset.Val.Select(c => c.Condition).Take(3).ToList();

        Tensor proposals = first.Method(seed: 1).Propose(conditions, 40);
        Tensor again = second.Method(seed: 2).Propose(conditions, 40);

        Assert.Equal(new long[] { 3, 40, task.Space.Parameters.Count }, proposals.shape);
        Assert.True(proposals.equal(again).all().item<bool>(), "a restored checkpoint proposes the same designs whatever the seed");
        for (int q = 0; q < 3; q++)
        {
            IReadOnlyList<Design> designs = task.Space.Designs(proposals[q]);
            Assert.Equal(40, designs.Distinct().Count());
        }
    }

    [Theory]
    [InlineData("methods.airchitect_v2.heads=3", "methods.airchitect_v2.heads: 3 does not divide model_dim 32")]
    [InlineData("methods.airchitect_v2.labels=argmax", "methods.airchitect_v2.labels: 'argmax' is not allowed; allowed: optimum, near_optimal")]
    [InlineData("methods.airchitect_v2.dropout=1", "methods.airchitect_v2.dropout must be from 0 to below 1, not 1")]
    public void Bad_settings_are_refused_naming_the_key(string assignment, string expected)
    {
        (int exitCode, _, string error) = CliRunner.Run("train", _experiment.ConfigPath, "--set", "method=airchitect-v2", "--set", assignment, "--run-dir", _experiment.Path("never"));

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, error);
    }
}
