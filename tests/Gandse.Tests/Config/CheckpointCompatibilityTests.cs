using Gandse.Config;
using Gandse.Methods.Gan;

namespace Gandse.Tests.Config;

/// <summary>
/// Saved state survives change: the shipped network checkpoint was written by Gandse 0.1, before the baselines'
/// settings moved from flat <c>compare.*</c> keys to <c>methods.*</c> sections and before those sections gained
/// new settings (the GEMM checkpoints were rewritten with their ranking heads, which migrated their configs).
/// It still loads, with the moved values in their new place and the new settings at defaults.
/// </summary>
public class CheckpointCompatibilityTests
{
    [Fact]
    public void A_checkpoint_written_before_the_methods_sections_loads_with_its_settings_migrated()
    {
        TrainedGan gan = TrainedGan.Load(Path.Combine(Repository.Root, "checkpoints", "systolic-network"));

        Assert.Contains("mlp_steps:", gan.Info.ConfigYaml);
        Assert.DoesNotContain("\nmethods:", gan.Info.ConfigYaml);
        Assert.Equal(3000, gan.Config.Methods.Mlp.Steps);
        Assert.Equal(0.2, gan.Config.Methods.RlAmortised.EntropyBonus);
        Assert.Equal(64, gan.Config.Methods.Evolutionary.Population);
        Assert.Equal(new MlpSettings().Hidden, gan.Config.Methods.Mlp.Hidden);
        Assert.Equal(new EvolutionarySettings().MutationScale, gan.Config.Methods.Evolutionary.MutationScale);
        Assert.Contains("mac_budgets:", gan.Info.ConfigYaml);
        Assert.Equal(new List<double> { 256, 1024, 4096, 16384 }, gan.Config.Data.Draw["mac_budget"]);
    }

    [Fact]
    public void An_old_key_migrates_to_its_new_place_when_the_config_comes_from_a_checkpoint()
    {
        const string yaml = "compare:\n  mlp_steps: 77\n  rl_search_lr: 0.5\n  gan_checkpoint: some/where\n";

        ExperimentConfig config = ConfigBinder.Parse(yaml, "old.ckpt", Array.Empty<string>(), migrate: true);

        Assert.Equal(77, config.Methods.Mlp.Steps);
        Assert.Equal(0.5, config.Methods.RlSearch.Lr);
        Assert.Equal("some/where", config.Methods.Gan.Checkpoint);
    }

    [Fact]
    public void An_old_key_in_an_experiment_file_is_refused_with_the_new_key_named()
    {
        var error = Assert.Throws<UsageException>(() => ConfigBinder.Parse("compare:\n  seeds: 2\n  rl_steps: 10\n", "mine.yaml", Array.Empty<string>()));

        Assert.Equal("mine.yaml line 3: 'compare.rl_steps' is now 'methods.rl_amortised.steps'; rename it in the file", error.Message);
    }

    [Fact]
    public void Every_migration_lands_on_a_setting_that_exists()
    {
        foreach ((string old, string moved) in ConfigMigrations.Renamed)
        {
            string section = old.Split('.')[0];
            string value = moved.StartsWith("data.draw.", StringComparison.Ordinal) ? "[3]" : "3";
            ExperimentConfig config = ConfigBinder.Parse($"{section}:\n  {old.Split('.')[1]}: {value}\n", "old.ckpt", Array.Empty<string>(), migrate: true);
            Assert.Contains(ConfigBinder.Flatten(config), p => p.Path == moved && ConfigBinder.Format(p.Value) == value);
        }
    }
}
