using Gandse.Config;
using Gandse.CostModels.Systolic;
using Gandse.Data;
using Gandse.Tasks;
using Gandse.Tasks.Systolic;

namespace Gandse.Tests.Data;

public sealed class DatasetTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gandse-dataset-").FullName;

    [Theory]
    [InlineData("systolic-gemm")]
    [InlineData("systolic-latency-target")]
    public void No_workload_appears_in_two_splits(string task)
    {
        ExperimentConfig config = ConfigBinder.Parse(string.Empty, "test", new[] { $"task={task}", "data.train_workloads=300", "data.val_workloads=60", "data.test_workloads=60", "data.dim_max=64" });

        SplitDrafts drafts = TaskCatalog.Create(config).Sample(config.Data, new Random(11));

        AssertDisjoint(drafts.Train.Select(d => d.Condition.Workload.Spec), drafts.Val.Select(d => d.Condition.Workload.Spec), drafts.Test.Select(d => d.Condition.Workload.Spec));
        Assert.Equal(300 * config.Data.ConditionsPerWorkload, drafts.Train.Count);
    }

    [Fact]
    public void No_network_appears_in_two_splits_and_the_test_networks_are_real()
    {
        ExperimentConfig config = ConfigBinder.Parse(string.Empty, "test", new[] { "task=systolic-network", "data.train_workloads=40", "data.val_workloads=5", "data.test_workloads=12" });

        SplitDrafts drafts = TaskCatalog.Create(config).Sample(config.Data, new Random(3));

        string Name(ConditionDraft d) => ((Gandse.Workloads.Network)d.Condition.Workload).Name;
        AssertDisjoint(drafts.Train.Select(Name), drafts.Val.Select(Name), drafts.Test.Select(Name));
        bool Real(ConditionDraft d) => Gandse.Workloads.BuiltInNetworks.Names.Contains(Name(d));
        Assert.All(drafts.Test, d => Assert.True(Real(d)));
        Assert.Contains(drafts.Val, Real);
    }

    [Theory]
    [InlineData("systolic-gemm")]
    [InlineData("systolic-latency-target")]
    [InlineData("systolic-network")]
    public void A_dataset_round_trips_through_its_file(string task)
    {
        ExperimentConfig config = ConfigBinder.Parse(string.Empty, "test", new[]
        {
            $"task={task}", "data.train_workloads=2", "data.val_workloads=1", "data.test_workloads=1", "data.conditions_per_workload=1", "data.dim_max=128",
            "data.synthetic_layers_min=2", "data.synthetic_layers_max=3", "data.near_optimal=3", "data.val_networks=[]", "data.test_networks=[alexnet]",
        });
        IDseTask built = TaskCatalog.Create(config);
        Dataset dataset = DatasetBuilder.Build(config, built);
        string path = Path.Combine(_folder, $"{task}.json");

        DatasetFile.Write(path, dataset, built.Space);
        Dataset read = DatasetFile.Read(path, built.Space);

        Assert.Equal(dataset.Hash, read.Hash);
        foreach (string split in Dataset.SplitNames)
        {
            Assert.Equal(dataset.Split(split).Count, read.Split(split).Count);
            foreach ((LabelledCondition a, LabelledCondition b) in dataset.Split(split).Zip(read.Split(split)))
            {
                Assert.Equal(a.Condition.Workload.Spec, b.Condition.Workload.Spec);
                Assert.Equal(a.Condition.Fields, b.Condition.Fields);
                Assert.Equal(a.Optimum, b.Optimum);
                Assert.Equal(a.OptimumMetrics, b.OptimumMetrics);
                Assert.Equal(a.NearOptimal, b.NearOptimal);
            }
        }

        Assert.All(read.Train, c => Assert.Equal(built.Conditions.Names, c.Condition.Fields.Keys));
        if (task == "systolic-latency-target")
        {
            Assert.All(read.Train, c => Assert.NotNull(c.Condition.Bound(SystolicConditions.TargetLatency)));
        }
    }

    [Fact]
    public void A_truncated_dataset_file_is_refused_with_its_path()
    {
        string path = Path.Combine(_folder, "broken.json");
        File.WriteAllText(path, "{\"format\": 2, \"task\": \"systolic-gemm\", \"splits\": {");

        var error = Assert.Throws<InvalidDataException>(() => DatasetFile.Read(path, SystolicSpace.Create()));

        Assert.StartsWith($"dataset {path} is malformed", error.Message);
        Assert.EndsWith("delete it to rebuild", error.Message);
    }

    [Fact]
    public void Interrupted_labelling_keeps_what_is_labelled_and_the_next_build_continues_to_the_same_dataset()
    {
        ExperimentConfig config = ConfigBinder.Parse(string.Empty, "test", new[]
        {
            "data.train_workloads=6", "data.val_workloads=2", "data.test_workloads=2", "data.conditions_per_workload=1", "data.dim_max=128", "data.near_optimal=3",
            $"data.cache_dir={Path.Combine(_folder, "cache")}",
        });
        IDseTask task = TaskCatalog.Create(config);
        using var interrupt = new CancellationTokenSource();

        var error = Assert.Throws<LabellingInterruptedException>(() => DatasetBuilder.LoadOrBuild(config, task, (done, _) => { if (done == 4) interrupt.Cancel(); }, interrupt.Token));

        Assert.Equal(4, error.Labelled);
        Assert.Equal(10, error.Total);
        Assert.True(File.Exists(error.PartialPath));
        var labelledAgain = new List<int>();
        (Dataset resumed, bool fromCache) = DatasetBuilder.LoadOrBuild(config, task, (done, _) => labelledAgain.Add(done));
        Assert.False(fromCache);
        Assert.Equal(Enumerable.Range(5, 6), labelledAgain);
        Assert.False(File.Exists(error.PartialPath));
        Dataset straight = DatasetBuilder.Build(config, task);
        Assert.Equal(straight.Train.Concat(straight.Val).Concat(straight.Test).Select(c => (c.Condition.Workload.Spec, c.Optimum)), resumed.Train.Concat(resumed.Val).Concat(resumed.Test).Select(c => (c.Condition.Workload.Spec, c.Optimum)));
    }

    [Fact]
    public void A_split_labelled_on_its_own_is_cached_and_read_back_without_labelling()
    {
        ExperimentConfig config = ConfigBinder.Parse(string.Empty, "test", new[]
        {
            "data.train_workloads=6", "data.val_workloads=2", "data.test_workloads=3", "data.conditions_per_workload=1", "data.dim_max=128", "data.near_optimal=3",
            $"data.cache_dir={Path.Combine(_folder, "split-cache")}",
        });
        IDseTask task = TaskCatalog.Create(config);
        int labelled = 0;

        IReadOnlyList<LabelledCondition> first = DatasetBuilder.LoadOrBuildSplit(config, task, "test", (_, _) => labelled++);
        IReadOnlyList<LabelledCondition> second = DatasetBuilder.LoadOrBuildSplit(config, task, "test", (_, _) => labelled++);

        Assert.Equal(3, labelled);
        Assert.Equal(first.Select(c => (c.Condition.Workload.Spec, c.Optimum)), second.Select(c => (c.Condition.Workload.Spec, c.Optimum)));
        Assert.Equal(DatasetBuilder.Build(config, task).Test.Select(c => c.Optimum), first.Select(c => c.Optimum));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static void AssertDisjoint(params IEnumerable<string>[] splits)
    {
        var sets = splits.Select(s => s.ToHashSet()).ToArray();
        for (int a = 0; a < sets.Length; a++)
        {
            for (int b = a + 1; b < sets.Length; b++)
            {
                Assert.Empty(sets[a].Intersect(sets[b]));
            }
        }
    }
}
