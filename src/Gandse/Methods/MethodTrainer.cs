using System.Diagnostics;
using Gandse.Config;
using Gandse.Data;
using Gandse.Methods.Gan;
using Gandse.Runs;
using Gandse.Tasks;

namespace Gandse.Methods;

/// <summary>
/// <c>gandse train</c> for any method the experiment names (<c>method:</c>): the GAN by its own trainer, any other
/// method that keeps checkpoints trained on the same dataset in one go, validated on the validation split and
/// written as best.ckpt and last.ckpt, so generate and eval answer from it as from a GAN.
/// </summary>
public static class MethodTrainer
{
    /// <summary>Trains the method <paramref name="config"/> names into checkpoints.</summary>
    public static TrainResult Train(ExperimentConfig config, TrainOptions options)
    {
        if (config.Method == "gan")
        {
            return GanTrainer.Train(config, options);
        }

        MethodEntry entry = MethodCatalog.Get(config.Method, "method");
        if (entry.VariantOf is not null)
        {
            throw new UsageException($"method: {entry.Name} is a comparison variant of {entry.VariantOf}; train {entry.VariantOf} with --set {string.Join(" --set ", entry.Overrides.Where(o => !o.StartsWith("methods.gan.checkpoint", StringComparison.Ordinal)))}");
        }
        if (entry.Load is null)
        {
            throw new UsageException($"method: {entry.Name} keeps no checkpoint ({entry.Description}); run it with gandse compare");
        }

        if (options.Resume)
        {
            throw new UsageException($"--resume continues GAN training; a {entry.Name} trains in one go, so train it again without --resume");
        }

        ConfigValidator.Validate(config);
        var stopwatch = Stopwatch.StartNew();
        IDseTask task = TaskCatalog.Create(config);
        string checkpoints = options.CheckpointDirectory ?? Path.Combine("checkpoints", config.Experiment);
        TorchSharp.torch.random.manual_seed(config.Seed);
        (Dataset dataset, bool fromCache) = DatasetBuilder.LoadOrBuild(config, task, (done, total) => options.Progress?.Invoke(new TrainProgress("dataset", done, total)), options.Cancellation);
        using var run = new RunDirectory(options.RunDirectory ?? RunDirectory.DefaultPath(config, DateTime.Now), config, new[] { "seconds", "val_feasible_rate", "val_quality", "val_exact_match", "val_score" });

        options.Progress?.Invoke(new TrainProgress(entry.Name, 0, 1));
        var method = (ISavedMethod)entry.Build(new MethodContext(config, task, dataset, config.Seed, run.Path, options.Validator, options.Cancellation));
        // A method that trains in one go has nothing worth keeping when stopped part-way: no checkpoint is written.
        options.Cancellation.ThrowIfCancellationRequested();
        IReadOnlyList<LabelledCondition> val = dataset.Val.Take(config.Train.ValQueries).ToList();
        ValidationScore score = options.Validator.Validate(task, method, val, config.Generate.Candidates, config.Generate.CompleteMappings);
        options.Progress?.Invoke(new TrainProgress(entry.Name, 1, 1, Validation: score));
        run.WriteMetrics(new Dictionary<string, double>
        {
            ["seconds"] = stopwatch.Elapsed.TotalSeconds, ["val_feasible_rate"] = score.FeasibleRate, ["val_quality"] = score.Quality,
            ["val_exact_match"] = score.ExactMatch, ["val_score"] = score.Score,
        });

        var info = new CheckpointInfo(
            config.Experiment, config.Task, 1, score.Score, config.Seed, DatasetKey.Of(config, task.DatasetFingerprint), ConfigWriter.ToYaml(config),
            task.FeatureCount, Array.Empty<string>(), DateTime.UtcNow, Runtime.GandseVersion.Current, entry.Name);
        foreach (string file in new[] { GanCheckpoint.BestFile, GanCheckpoint.LastFile })
        {
            string path = Path.Combine(checkpoints, file);
            Directory.CreateDirectory(checkpoints);
            method.Save(path, info);
        }

        return new TrainResult(run.Path, Path.GetFullPath(checkpoints), 1, score.Score, score, stopwatch.Elapsed, fromCache) { Method = entry.Name };
    }
}
