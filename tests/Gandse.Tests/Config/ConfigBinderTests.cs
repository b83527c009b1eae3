using Gandse.Config;

namespace Gandse.Tests.Config;

public class ConfigBinderTests
{
    [Fact]
    public void A_file_overrides_some_defaults_and_leaves_the_rest()
    {
        ExperimentConfig config = ConfigBinder.Parse("experiment: demo\ntrain:\n  steps: 10\ndata:\n  draw:\n    mac_budget: [16, 64]\n", "demo.yaml", Array.Empty<string>());

        Assert.Equal("demo", config.Experiment);
        Assert.Equal(10, config.Train.Steps);
        Assert.Equal(new List<double> { 16, 64 }, config.Data.Draw["mac_budget"]);
        Assert.Equal(new TrainConfig().BatchSize, config.Train.BatchSize);
    }

    [Fact]
    public void Set_overrides_apply_after_the_file()
    {
        ExperimentConfig config = ConfigBinder.Parse("train:\n  steps: 10\n", "demo.yaml", new[] { "train.steps=20", "seed=7", "data.draw.dram_bw=[2, 3]" });

        Assert.Equal(20, config.Train.Steps);
        Assert.Equal(7, config.Seed);
        Assert.Equal(new List<double> { 2, 3 }, config.Data.Draw["dram_bw"]);
    }

    [Theory]
    [InlineData("train:\n  stepz: 10\n", "unknown key 'train.stepz'")]
    [InlineData("train:\n  steps: ten\n", "'train.steps' = 'ten' is not an integer")]
    [InlineData("data:\n  draw:\n    mac_budget: 16\n", "'data.draw.mac_budget' must be a list")]
    [InlineData("data:\n  draw:\n    mac_budget: [16, x]\n", "'data.draw.mac_budget' = 'x' is not a number")]
    [InlineData("data:\n  draw: [16]\n", "'data.draw' must be a mapping of names to lists")]
    [InlineData("data:\n  mac_budgets: [16]\n", "'data.mac_budgets' is now 'data.draw.mac_budget'; rename it in the file")]
    [InlineData("model: 3\n", "'model' must be a mapping")]
    [InlineData("train: {steps: [1\n", "demo.yaml line")]
    public void Bad_files_name_the_key_path(string yaml, string expected)
    {
        UsageException error = Assert.Throws<UsageException>(() => ConfigBinder.Parse(yaml, "demo.yaml", Array.Empty<string>()));

        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("train.stepz=1", "unknown key 'train.stepz'")]
    [InlineData("train=1", "'train' is")]
    [InlineData("train.steps.x=1", "'train.steps' is a value")]
    [InlineData("steps", "--set 'steps' is malformed")]
    [InlineData("train.generator_lr=fast", "'train.generator_lr' = 'fast' is not a number")]
    public void Bad_overrides_name_the_key_path(string assignment, string expected)
    {
        UsageException error = Assert.Throws<UsageException>(() => ConfigBinder.Parse(string.Empty, "demo.yaml", new[] { assignment }));

        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("train.steps=0", "train.steps must be positive")]
    [InlineData("data.dim_max=4", "data.dim_max (4) is below data.dim_min")]
    [InlineData("data.draw.sram_budget_kb=[]", "data.draw.sram_budget_kb must be a non-empty list")]
    [InlineData("compare.split=train", "compare.split 'train' is not allowed; allowed: test (reported figures), val (tuning)")]
    [InlineData("methods.evolutionary.crossover_rate=1.5", "methods.evolutionary.crossover_rate must be from 0 to 1, not 1.5")]
    [InlineData("generate.ranker=oracle", "generate.ranker 'oracle' is not a ranker")]
    [InlineData("generate.calls=-2", "generate.calls must be 0 (no limit) or a positive number of calls, not -2")]
    public void The_validator_refuses_values_a_type_cannot(string assignment, string expected)
    {
        ExperimentConfig config = ConfigBinder.Parse(string.Empty, "demo.yaml", new[] { assignment });

        Assert.Contains(expected, Assert.Throws<UsageException>(() => ConfigValidator.Validate(config)).Message);
    }

    [Fact]
    public void An_unknown_task_is_refused_by_the_catalog_with_the_allowed_ones()
    {
        ExperimentConfig config = ConfigBinder.Parse(string.Empty, "test", new[] { "task=systolic-tpu" });

        var error = Assert.Throws<UsageException>(() => Gandse.Tasks.TaskCatalog.Create(config));

        Assert.StartsWith("unknown task 'systolic-tpu'; allowed: systolic-gemm, systolic-latency-target, systolic-network", error.Message);
    }

    [Fact]
    public void The_resolved_config_round_trips_through_yaml()
    {
        ExperimentConfig config = ConfigBinder.Parse("train:\n  steps: 33\n", "demo.yaml", new[] { "data.draw.sram_budget_kb=[8, 16.5]" });

        ExperimentConfig again = ConfigBinder.Parse(ConfigWriter.ToYaml(config), "config.yaml", Array.Empty<string>());

        Assert.Equal(ConfigBinder.Flatten(config).Select(p => ConfigBinder.Format(p.Value)), ConfigBinder.Flatten(again).Select(p => ConfigBinder.Format(p.Value)));
    }

    [Fact]
    public void The_dataset_hash_follows_data_settings_only()
    {
        ExperimentConfig a = ConfigBinder.Parse(string.Empty, "a", Array.Empty<string>());
        ExperimentConfig b = ConfigBinder.Parse(string.Empty, "b", new[] { "train.steps=5", "data.cache_dir=/elsewhere" });
        ExperimentConfig c = ConfigBinder.Parse(string.Empty, "c", new[] { "data.near_optimal=4" });

        Assert.Equal(Gandse.Data.DatasetKey.Of(a, "model"), Gandse.Data.DatasetKey.Of(b, "model"));
        Assert.NotEqual(Gandse.Data.DatasetKey.Of(a, "model"), Gandse.Data.DatasetKey.Of(c, "model"));
    }
}
