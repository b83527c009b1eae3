using Gandse.Config;
using Gandse.Tasks;

namespace Gandse.Data;

/// <summary>
/// Builds a task's dataset (draw conditions with the experiment's seed, label each with its exact optimum),
/// or loads it from the cache when one with the same hash exists.
/// </summary>
public static class DatasetBuilder
{
    public static string CachePath(ExperimentConfig config) =>
        Path.Combine(config.Data.CacheDir, $"{config.Task}-{ConfigWriter.DatasetHash(config)}.json");

    /// <param name="progress">Called with (labelled so far, total) while building.</param>
    public static (Dataset Dataset, bool FromCache) LoadOrBuild(ExperimentConfig config, IDseTask task, Action<int, int>? progress = null)
    {
        string path = CachePath(config);
        if (File.Exists(path))
        {
            return (DatasetFile.Read(path, task.Space), true);
        }

        Dataset dataset = Build(config, task, progress);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        DatasetFile.Write(path, dataset, task.Space);
        return (dataset, false);
    }

    /// <summary>
    /// One split: from the cached dataset when there is one, else drawn exactly as a full build would draw it
    /// and only that split labelled (evaluating a checkpoint on a fresh clone need not label the training set).
    /// </summary>
    public static IReadOnlyList<LabelledCondition> LoadOrBuildSplit(ExperimentConfig config, IDseTask task, string split, Action<int, int>? progress = null)
    {
        string path = CachePath(config);
        if (File.Exists(path))
        {
            return DatasetFile.Read(path, task.Space).Split(split);
        }

        SplitDrafts drafts = task.Sample(config.Data, new Random(unchecked((int)config.DataSeed())));
        IReadOnlyList<ConditionDraft> chosen = split switch
        {
            "train" => drafts.Train,
            "val" => drafts.Val,
            "test" => drafts.Test,
            _ => throw new UsageException($"unknown split '{split}'; allowed: {string.Join(", ", Dataset.SplitNames)}"),
        };
        var labelled = new List<LabelledCondition>(chosen.Count);
        foreach (ConditionDraft draft in chosen)
        {
            labelled.Add(task.Label(draft, config.Data));
            progress?.Invoke(labelled.Count, chosen.Count);
        }

        return labelled;
    }

    public static Dataset Build(ExperimentConfig config, IDseTask task, Action<int, int>? progress = null)
    {
        SplitDrafts drafts = task.Sample(config.Data, new Random(unchecked((int)config.DataSeed())));
        int total = drafts.Train.Count + drafts.Val.Count + drafts.Test.Count;
        int done = 0;
        List<LabelledCondition> Label(IReadOnlyList<ConditionDraft> split)
        {
            var labelled = new List<LabelledCondition>(split.Count);
            foreach (ConditionDraft draft in split)
            {
                labelled.Add(task.Label(draft, config.Data));
                progress?.Invoke(++done, total);
            }

            return labelled;
        }

        return new Dataset(task.Name, ConfigWriter.DatasetHash(config), Label(drafts.Train), Label(drafts.Val), Label(drafts.Test));
    }
}
