using System.Text.Json;
using Gandse.Config;
using Gandse.Methods;
using Gandse.Methods.Gan;
using Gandse.Tests.Cli;
using Gandse.Tests.Methods.Gan;

namespace Gandse.Tests.Harness;

public sealed class AblationTests : IDisposable
{
    private readonly TinyExperiment _experiment = new();

    public void Dispose() => _experiment.Dispose();

    [Fact]
    public void Ablations_train_side_by_side_with_their_part_removed_and_the_report_compares_them_to_the_base()
    {
        string output = _experiment.Path("ablate");

        (int exitCode, _, string error) = CliRunner.Run(
            "compare", _experiment.ConfigPath, "--seeds", "1", "--out", output, "--set", "compare.methods=[gan, gan-no-adversarial, mlp, mlp-near-optimal]",
            "--set", "compare.queries=3", "--set", "compare.budget=8", "--set", "methods.mlp.steps=20");

        Assert.True(exitCode == 0, error);
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "results.json")));
        Assert.Equal(new[] { "gan", "gan-no-adversarial", "mlp", "mlp-near-optimal" },
            json.RootElement.GetProperty("methods").EnumerateArray().Select(m => m.GetProperty("method").GetString()));
        // Each GAN trained into its own folder, the variant with its term switched off and the base untouched.
        ExperimentConfig Trained(string run) => ConfigBinder.Parse(GanCheckpoint.ReadInfo(GanCheckpoint.Resolve(Path.Combine(output, "checkpoints", run))).ConfigYaml, run, Array.Empty<string>());
        Assert.Equal(0, Trained("gan-no-adversarial-s5").Train.AdversarialWeight);
        Assert.Equal(new TrainConfig().AdversarialWeight, Trained("gan-s5").Train.AdversarialWeight);
        string report = File.ReadAllText(Path.Combine(output, "report.md"));
        Assert.Contains("## Ablations", report);
        Assert.Contains("| gan-no-adversarial | `train.adversarial_weight=0` |", report);
        Assert.Contains("| mlp-near-optimal | `methods.mlp.labels=near_optimal` |", report);
    }

    [Fact]
    public void A_gan_variant_trains_even_when_the_comparison_answers_the_gan_from_a_checkpoint()
    {
        MethodEntry variant = MethodCatalog.Get("gan-no-likelihood");
        ExperimentConfig config = _experiment.Config("methods.gan.checkpoint=checkpoints/systolic-gemm");

        ExperimentConfig configured = MethodCatalog.Configure(variant, config);

        Assert.Equal(string.Empty, configured.Methods.Gan.Checkpoint);
        Assert.Equal(0, configured.Train.SupervisedWeight);
        Assert.Equal("checkpoints/systolic-gemm", config.Methods.Gan.Checkpoint);
    }

    [Fact]
    public void Training_a_variant_directly_is_refused_with_the_settings_that_make_it()
    {
        (int exitCode, _, string error) = CliRunner.Run("train", _experiment.ConfigPath, "--set", "method=gan-no-objective", "--run-dir", _experiment.Path("never"), "--checkpoint-dir", _experiment.Path("never-ckpt"));

        Assert.Equal(2, exitCode);
        Assert.Contains("gan-no-objective is a comparison variant of gan; train gan with --set train.objective_weight=0", error);
        Assert.False(Directory.Exists(_experiment.Path("never")));
    }

    [Fact]
    public void An_unknown_mlp_label_source_is_refused_naming_the_allowed_ones()
    {
        (int exitCode, _, string error) = CliRunner.Run("compare", _experiment.ConfigPath, "--out", _experiment.Path("bad"), "--set", "methods.mlp.labels=best");

        Assert.Equal(2, exitCode);
        Assert.Contains("methods.mlp.labels: 'best' is not allowed; allowed: optimum, near_optimal", error);
    }
}
