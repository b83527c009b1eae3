using Gandse.Config;
using Gandse.Tasks;

namespace Gandse.Data;

/// <summary>
/// Builds a task's dataset (draw conditions with the experiment's seed, label each with its exact optimum),
/// or loads it from the cache when one with the same hash exists.
/// </summary>
public static class DatasetBuilder
{
    /// <summary>Where the dataset for this config and task is cached: its name holds the hash of everything the labels depend on.</summary>
    public static string CachePath(ExperimentConfig config, IDseTask task) =>
        Path.Combine(config.Data.CacheDir, $"{config.Task}-{DatasetKey.Of(config, task.DatasetFingerprint)}.json");

    /// <summary>The dataset of <paramref name="config"/>, from the cache when it holds one with the same hash, else drawn, labelled and cached.</summary>
    /// <param name="progress">Called with (labelled so far, total) while building.</param>
    /// <param name="cancellation">
    /// Stops labelling at the next condition; what is labelled is kept in <c>&lt;cache&gt;.partial</c> and the next
    /// build starts from it (same drafts, same order), so an interrupt loses at most one condition's work.
    /// </param>
    /// <param name="config">The experiment: task, seed and data settings.</param>
    /// <param name="task">The task that draws and labels the conditions.</param>
    public static (Dataset Dataset, bool FromCache) LoadOrBuild(ExperimentConfig config, IDseTask task, Action<int, int>? progress = null, CancellationToken cancellation = default)
    {
        string path = CachePath(config, task);
        if (File.Exists(path))
        {
            return (DatasetFile.Read(path, task.Space), true);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        string partial = path + ".partial";
        SplitDrafts drafts = Draw(config, task);
        var all = drafts.Train.Concat(drafts.Val).Concat(drafts.Test).ToList();
        var labelled = DatasetFile.ReadPartial(partial).Take(all.Count).ToList();
        if (labelled.Zip(all).Any(p => p.First.Condition.Workload.Spec != p.Second.Condition.Workload.Spec))
        {
            labelled.Clear();
        }

        for (int i = labelled.Count; i < all.Count; i++)
        {
            if (cancellation.IsCancellationRequested)
            {
                DatasetFile.WritePartial(partial, labelled);
                throw new LabellingInterruptedException(labelled.Count, all.Count, partial);
            }

            labelled.Add(task.Label(all[i], config.Data));
            progress?.Invoke(i + 1, all.Count);
        }

        int train = drafts.Train.Count, val = drafts.Val.Count;
        var dataset = new Dataset(
            task.Name, DatasetKey.Of(config, task.DatasetFingerprint), labelled.Take(train).ToList(), labelled.Skip(train).Take(val).ToList(), labelled.Skip(train + val).ToList());
        DatasetFile.Write(path, dataset, task.Space);
        File.Delete(partial);
        return (dataset, false);
    }

    /// <summary>
    /// One split: from the cached dataset when there is one, else from that split's own cache, else drawn exactly
    /// as a full build would draw it, only that split labelled (evaluating a checkpoint on a fresh clone need not
    /// label the training set) and cached on its own (<c>&lt;cache&gt;.&lt;split&gt;.json</c>), so the next eval is instant.
    /// </summary>
    public static IReadOnlyList<LabelledCondition> LoadOrBuildSplit(ExperimentConfig config, IDseTask task, string split, Action<int, int>? progress = null)
    {
        if (!Dataset.SplitNames.Contains(split))
        {
            throw new UsageException($"unknown split '{split}'; allowed: {string.Join(", ", Dataset.SplitNames)}");
        }

        string path = CachePath(config, task);
        if (File.Exists(path))
        {
            return DatasetFile.Read(path, task.Space).Split(split);
        }

        string splitPath = Path.ChangeExtension(path, $".{split}.json");
        if (File.Exists(splitPath))
        {
            return DatasetFile.Read(splitPath, task.Space).Split(split);
        }

        SplitDrafts drafts = Draw(config, task);
        IReadOnlyList<ConditionDraft> chosen = split switch
        {
            "train" => drafts.Train,
            "val" => drafts.Val,
            _ => drafts.Test,
        };
        int done = 0;
        List<LabelledCondition> labelled = Label(task, config.Data, chosen, () => progress?.Invoke(++done, chosen.Count));
        var none = new List<LabelledCondition>();
        var only = new Dataset(task.Name, DatasetKey.Of(config, task.DatasetFingerprint), split == "train" ? labelled : none, split == "val" ? labelled : none, split == "test" ? labelled : none);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(splitPath))!);
        DatasetFile.Write(splitPath, only, task.Space);
        return labelled;
    }

    /// <summary>Draws and labels a dataset without the cache; <paramref name="progress"/> gets (labelled, total).</summary>
    public static Dataset Build(ExperimentConfig config, IDseTask task, Action<int, int>? progress = null)
    {
        SplitDrafts drafts = Draw(config, task);
        int total = drafts.Train.Count + drafts.Val.Count + drafts.Test.Count;
        int done = 0;
        Action labelled = () => progress?.Invoke(++done, total);
        return new Dataset(
            task.Name, DatasetKey.Of(config, task.DatasetFingerprint),
            Label(task, config.Data, drafts.Train, labelled), Label(task, config.Data, drafts.Val, labelled), Label(task, config.Data, drafts.Test, labelled));
    }

    private static SplitDrafts Draw(ExperimentConfig config, IDseTask task) =>
        task.Sample(config.Data, new Random(unchecked((int)config.DataSeed())));

    private static List<LabelledCondition> Label(IDseTask task, DataConfig data, IReadOnlyList<ConditionDraft> drafts, Action labelled)
    {
        var result = new List<LabelledCondition>(drafts.Count);
        foreach (ConditionDraft draft in drafts)
        {
            result.Add(task.Label(draft, data));
            labelled();
        }

        return result;
    }
}
