using System.Text.Json;
using Gandse.Methods;
using Gandse.Tests.Methods.Gan;

namespace Gandse.Tests.Cli;

/// <summary>Every trained method keeps checkpoints: <c>method: mlp</c> trains with <c>gandse train</c>, and generate and eval answer from it.</summary>
public sealed class MethodCheckpointTests : IDisposable
{
    private readonly TinyExperiment _experiment = new();

    [Fact]
    public void An_mlp_trains_with_gandse_train_and_answers_generate_and_eval()
    {
        string checkpoints = _experiment.Path("mlp-ckpt");
        (int trained, string output, string error) = CliRunner.Run(
            "train", _experiment.ConfigPath, "--set", "method=mlp", "--set", "methods.mlp.steps=40", "--run-dir", _experiment.Path("mlp-run"), "--checkpoint-dir", checkpoints);
        Assert.True(trained == 0, error + output);
        Assert.Matches(@"train: mlp  val score \d\.\d{4} feasible \d+ ?% quality \d\.\d{4} \[1/1\]", error);
        Assert.True(File.Exists(Path.Combine(checkpoints, "best.ckpt")));
        Assert.True(File.Exists(Path.Combine(_experiment.Path("mlp-run"), "run.json")));

        ITrainedMethod restored = TrainedMethods.Load(checkpoints);
        Assert.Equal("mlp", restored.Info.MethodName);
        Assert.Equal(40, restored.Config.Methods.Mlp.Steps);

        (int generated, string designs, string generateError) = CliRunner.Run("generate", "-c", checkpoints, "-w", "gemm:M=300,N=200,K=100", "--json");
        Assert.True(generated == 0, generateError);
        using (var json = JsonDocument.Parse(designs))
        {
            Assert.True(json.RootElement.GetProperty("designs")[0].GetProperty("feasible").GetBoolean());
        }

        (int evaluated, string report, string evalError) = CliRunner.Run("eval", "-c", checkpoints, "--json", "--limit", "3");
        Assert.True(evaluated == 0, evalError);
        using (var json = JsonDocument.Parse(report))
        {
            Assert.Equal("mlp", json.RootElement.GetProperty("method").GetString());
            Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("slot_temperature").ValueKind);
            Assert.InRange(json.RootElement.GetProperty("score").GetDouble(), 0, 1);
        }

        (int refused, _, string refusal) = CliRunner.Run("generate", "-c", checkpoints, "-w", "gemm:M=300,N=200,K=100", "--slot-temperature", "2");
        Assert.Equal(2, refused);
        Assert.Contains("--slot-temperature: this checkpoint (mlp) samples without it, so it would be ignored", refusal);
    }

    [Fact]
    public void An_amortised_policy_trains_and_answers_from_its_checkpoint_without_a_temperature()
    {
        string checkpoints = _experiment.Path("rl-ckpt");
        (int trained, string output, string error) = CliRunner.Run(
            "train", _experiment.ConfigPath, "--set", "method=rl-amortised", "--set", "methods.rl_amortised.steps=10", "--set", "methods.rl_amortised.batch_size=16",
            "--run-dir", _experiment.Path("rl-run"), "--checkpoint-dir", checkpoints);
        Assert.True(trained == 0, error + output);
        Assert.Contains("trained rl-amortised", output);

        (int generated, _, string generateError) = CliRunner.Run("generate", "-c", checkpoints, "-w", "gemm:M=300,N=200,K=100");
        Assert.True(generated == 0, generateError);
        (int refused, _, string refusal) = CliRunner.Run("generate", "-c", checkpoints, "-w", "gemm:M=300,N=200,K=100", "--temperature", "2");
        Assert.Equal(2, refused);
        Assert.Contains("--temperature: this checkpoint (rl-amortised) samples without it", refusal);
    }

    [Theory]
    [InlineData("method=random", "method: random keeps no checkpoint")]
    [InlineData("method=annealing", "method: unknown method 'annealing'; allowed: gan, mlp, rl-amortised")]
    [InlineData("method=rl-search", "method: rl-search keeps no checkpoint")]
    public void A_method_that_cannot_be_trained_is_refused_before_any_work(string assignment, string expected)
    {
        (int exitCode, _, string error) = CliRunner.Run("train", _experiment.ConfigPath, "--set", assignment, "--run-dir", _experiment.Path("refused-run"));

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, error);
        Assert.False(Directory.Exists(_experiment.Path("refused-run")));
    }

    [Theory]
    [InlineData("train", "--checkpoint-dir", "--checkpoint-dir '/proc/gandse-ckpt': cannot write in '/proc'")]
    [InlineData("train", "--run-dir", "--run-dir '/proc/gandse-ckpt': cannot write in '/proc'")]
    [InlineData("compare", "--out", "--out '/proc/gandse-ckpt': cannot write in '/proc'")]
    public void An_unwritable_output_folder_is_refused_before_any_labelling(string command, string flag, string expected)
    {
        (int exitCode, _, string error) = CliRunner.Run(command, _experiment.ConfigPath, flag, "/proc/gandse-ckpt");

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, error);
        Assert.False(Directory.Exists(Path.Combine(_experiment.Directory, "cache")));
    }

    public void Dispose() => _experiment.Dispose();
}
