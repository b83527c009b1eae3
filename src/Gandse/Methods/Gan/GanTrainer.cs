using System.Diagnostics;
using Gandse.Config;
using Gandse.Data;
using Gandse.Objectives;
using Gandse.Runs;
using Gandse.Tasks;
using Gandse.Tensors;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Gandse.Methods.Gan;

/// <summary>
/// Trains GANDSE on a task: builds or loads the dataset, fits the surrogate to simulator samples, then trains
/// generator and discriminator. Generator loss = adversarial + objective (surrogate's normalised log2 cost) +
/// constraint penalties (log2 of usage over bound, from exact design values and surrogate metrics). Validates
/// every <c>eval_every</c> steps and keeps <c>last.ckpt</c> and <c>best.ckpt</c>.
/// </summary>
public static class GanTrainer
{
    /// <summary>The columns of metrics.csv.</summary>
    public static readonly IReadOnlyList<string> MetricColumns = new[]
    {
        "step", "seconds", "tau", "loss_discriminator", "loss_generator", "loss_adversarial", "loss_objective", "loss_constraint", "loss_supervised", "loss_mapping",
        "val_feasible_rate", "val_quality", "val_exact_match", "val_score",
    };

    /// <summary>Trains the GAN of <paramref name="config"/>: dataset, surrogate, adversarial steps, validation and checkpoints.</summary>
    public static TrainResult Train(ExperimentConfig config, TrainOptions options)
    {
        ConfigValidator.Validate(config);
        var stopwatch = Stopwatch.StartNew();
        IDseTask task = TaskCatalog.Create(config);
        string checkpoints = options.CheckpointDirectory ?? Path.Combine("checkpoints", config.Experiment);
        string lastPath = Path.Combine(checkpoints, GanCheckpoint.LastFile);
        if (options.Resume && !File.Exists(lastPath))
        {
            throw new UsageException($"--resume: no {GanCheckpoint.LastFile} in '{checkpoints}'");
        }

        torch.random.manual_seed(config.Seed);
        (Dataset dataset, bool fromCache) = DatasetBuilder.LoadOrBuild(config, task, (done, total) => options.Progress?.Invoke(new TrainProgress("dataset", done, total)), options.Cancellation);
        var state = new TrainingState(config, task, dataset);

        int start = 0;
        // Validation scores are ≥ 0, so −1 means "not validated yet" (and, unlike −∞, fits in the JSON header).
        double best = -1;
        string? runPath = options.RunDirectory;
        if (options.Resume)
        {
            CheckpointInfo info = GanCheckpoint.Load(lastPath, state.Networks, state.Optimizers, state.Sampler);
            (start, best) = ((int)info.Step, info.BestScore);
            // A resumed run goes on in the folder that wrote the checkpoint, so its curves are not split across folders.
            runPath ??= info.RunDirectory is string previous && Directory.Exists(previous) ? previous : null;
        }

        using var run = new RunDirectory(runPath ?? RunDirectory.DefaultPath(config, DateTime.Now), config, MetricColumns, options.Resume);
        if (!options.Resume)
        {
            GanPretraining.TrainSurrogate(state, run, options.Progress, options.Cancellation);
            GanPretraining.TrainMapping(state, run, options.Progress, options.Cancellation);
        }

        ValidationScore? validation = null;
        for (int step = start + 1; step <= config.Train.Steps; step++)
        {
            StepLosses losses = GanStep(state, step);
            bool log = step % config.Train.LogEvery == 0 || step == config.Train.Steps;
            bool evaluate = step % config.Train.EvalEvery == 0 || step == config.Train.Steps;
            var row = new Dictionary<string, double> { ["step"] = step, ["seconds"] = stopwatch.Elapsed.TotalSeconds };
            if (log)
            {
                losses.Log(run, row, step);
            }

            if (step % config.Train.HistogramEvery == 0 || step == config.Train.Steps)
            {
                GanValidation.LogHistograms(state, run, step);
            }

            if (evaluate)
            {
                validation = GanValidation.Validate(options.Validator, state, run, row, step);
                var info = state.Info(step, Math.Max(best, validation.Score), run.Path);
                GanCheckpoint.Save(lastPath, info, state.Networks, state.Optimizers, state.Sampler);
                if (validation.Score > best)
                {
                    best = validation.Score;
                    GanCheckpoint.Save(Path.Combine(checkpoints, GanCheckpoint.BestFile), info, state.Networks, state.Optimizers, state.Sampler);
                }
            }

            if (log || evaluate)
            {
                run.WriteMetrics(row);
            }

            options.Progress?.Invoke(new TrainProgress("gan", step, config.Train.Steps, losses.Discriminator, losses.Generator, evaluate ? validation : null));
            if (options.Cancellation.IsCancellationRequested && step < config.Train.Steps)
            {
                if (!evaluate)
                {
                    GanCheckpoint.Save(lastPath, state.Info(step, best, run.Path), state.Networks, state.Optimizers, state.Sampler);
                }

                return new TrainResult(run.Path, Path.GetFullPath(checkpoints), step, best, validation, stopwatch.Elapsed, fromCache) { Interrupted = true };
            }
        }

        FitRankingHead(config, task, dataset, state, checkpoints, run, options);
        return new TrainResult(run.Path, Path.GetFullPath(checkpoints), config.Train.Steps, best, validation, stopwatch.Elapsed, fromCache);
    }

    /// <summary>
    /// After the last step, the best checkpoint's generator gets its ranking head (<c>train.ranking_head_steps</c>;
    /// none when 0), written into best.ckpt. Skipped when best.ckpt has one already, so a resumed run that had
    /// finished its steps fits it once; an interrupt here leaves best.ckpt as it was. A task without closed-form
    /// bounds (airchitect-v2) gets none: the head reads the bounds.
    /// </summary>
    private static void FitRankingHead(ExperimentConfig config, IDseTask task, Dataset dataset, TrainingState state, string checkpoints, RunDirectory run, TrainOptions options)
    {
        string bestPath = Path.Combine(checkpoints, GanCheckpoint.BestFile);
        if (config.Train.RankingHeadSteps == 0 || !File.Exists(bestPath) || GanCheckpoint.ReadInfo(bestPath).RankingHead is not null || !HasBounds(task, dataset))
        {
            return;
        }

        TrainedGan best = TrainedGan.Restore(bestPath, GanCheckpoint.ReadInfo(bestPath), config, task);
        (RankingHead head, RankingHeadInfo info) = RankingHeadFitting.Fit(task, best.Networks, config, dataset.Train, state.ValQueries, run, options.Progress, options.Cancellation);
        best.SaveWithHead(bestPath, head, info);
    }

    private static bool HasBounds(IDseTask task, Dataset dataset)
    {
        using var scope = torch.NewDisposeScope();
        LabelledCondition probe = dataset.Train[0];
        return task.EvaluateBounds(task.ConditionValues(new[] { probe.Condition }), task.Space.IndexTensor(new[] { probe.Optimum }).unsqueeze(0), completeMappings: false) is not null;
    }

    private static StepLosses GanStep(TrainingState state, int step)
    {
        using IDisposable scope = NewDisposeScope();
        TrainConfig train = state.Config.Train;
        double tau = train.GumbelTauStart * Math.Pow(train.GumbelTauEnd / train.GumbelTauStart, (double)step / train.Steps);
        double lrScale = 1 - ((1 - train.LrFinalFraction) * (step - 1) / Math.Max(1, train.Steps - 1));
        SetLearningRate(state.GeneratorOptimizer, train.GeneratorLr * lrScale);
        SetLearningRate(state.DiscriminatorOptimizer, train.DiscriminatorLr * lrScale);
        Tensor index = randint(state.TrainCount, new long[] { train.BatchSize }, generator: state.Sampler);
        Tensor features = state.TrainFeatures.index_select(0, index);
        Tensor realIndices = state.PickNear(index);
        Tensor real = state.Task.Space.OneHot(realIndices);
        Tensor noise = randn(new long[] { train.BatchSize, state.Networks.NoiseDim }, generator: state.Sampler);
        Tensor fake = state.Networks.Generator.StraightThrough(noise, features, tau, state.Sampler);

        Tensor realLogit = state.Networks.DiscriminatorLogit(real, features);
        Tensor fakeLogit = state.Networks.DiscriminatorLogit(fake.detach(), features);
        Tensor lossD = F.binary_cross_entropy_with_logits(realLogit, ones_like(realLogit)) + F.binary_cross_entropy_with_logits(fakeLogit, zeros_like(fakeLogit));
        state.DiscriminatorOptimizer.zero_grad();
        lossD.backward();
        state.DiscriminatorOptimizer.step();

        Tensor generatedLogit = state.Networks.DiscriminatorLogit(fake, features);
        Tensor adversarial = F.binary_cross_entropy_with_logits(generatedLogit, ones_like(generatedLogit));
        Tensor predicted = state.Networks.SurrogateNormalised(fake, features);
        Tensor objective = predicted.select(-1, 0).mean();
        Tensor constraint = ConstraintPenalty(state, fake, features, state.TrainValues.Map(t => t.index_select(0, index)));
        Tensor supervised = train.SupervisedWeight > 0
            ? state.Task.Space.CrossEntropy(state.Networks.Generator.Logits(noise, features, real), realIndices)
            : zeros(1).squeeze();
        Tensor mapping = train.MappingWeight > 0 ? GanPretraining.MappingLoss(state, noise, features, fake, state.TrainValues.Map(t => t.index_select(0, index))) : zeros(1).squeeze();
        Tensor lossG = (train.AdversarialWeight * adversarial) + (train.ObjectiveWeight * objective) + (train.ConstraintWeight * constraint)
            + (train.SupervisedWeight * supervised) + (train.MappingWeight * mapping);
        state.GeneratorOptimizer.zero_grad();
        lossG.backward();
        state.GeneratorOptimizer.step();

        return new StepLosses(tau, lossD.item<float>(), lossG.item<float>(), adversarial.item<float>(), objective.item<float>(), constraint.item<float>(), supervised.item<float>(), mapping.item<float>());
    }

    // Padding slots (no layer) take no part in the mapping loss.
    private static void SetLearningRate(OptimizerHelper optimizer, double rate)
    {
        foreach (torch.optim.ILearningRateController group in optimizer.ParamGroups)
        {
            group.LearningRate = rate;
        }
    }

    /// <summary>
    /// Mean over the batch of Σ relu(log2 usage − log2 bound) over the task's constraints. Usage comes from the
    /// generated design's exact values (straight-through, so gradients reach the logits) and, for metric
    /// constraints, from the surrogate's predicted metrics.
    /// </summary>
    private static Tensor ConstraintPenalty(TrainingState state, Tensor oneHot, Tensor features, ValueBatch conditions)
    {
        var values = new ValueBatch();
        long offset = 0;
        for (int p = 0; p < state.Blocks.Length; p++)
        {
            values[state.Task.Space.Parameters[p].Name] = oneHot.narrow(-1, offset, state.Blocks[p]).matmul(state.ValueTables[p]);
            offset += state.Blocks[p];
        }

        Tensor log2Metrics = state.Networks.SurrogateLog2(oneHot, features);
        var metrics = new ValueBatch(state.SurrogateMetrics.Select((m, i) => new KeyValuePair<string, Tensor>(m, log2Metrics.select(-1, i).exp2())));
        Tensor penalty = zeros(oneHot.shape[0]);
        foreach (ConstraintDefinition constraint in state.Task.Objective.Constraints)
        {
            if (!conditions.TryGet(constraint.Bound, out Tensor bound))
            {
                continue;
            }

            Tensor finite = bound.isfinite();
            Tensor excess = (constraint.Usage(values, metrics).clamp_min(1e-6).log2() - where(finite, bound, 1.0).log2().to_type(ScalarType.Float32)).relu();
            penalty = penalty + where(finite, excess, 0.0f);
        }

        return penalty.mean();
    }

}
