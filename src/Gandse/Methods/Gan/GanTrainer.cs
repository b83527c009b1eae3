using System.Diagnostics;
using Gandse.Config;
using Gandse.Data;
using Gandse.Harness;
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
    public static readonly IReadOnlyList<string> MetricColumns = new[]
    {
        "step", "seconds", "tau", "loss_discriminator", "loss_generator", "loss_adversarial", "loss_objective", "loss_constraint", "loss_supervised", "loss_mapping",
        "val_feasible_rate", "val_quality", "val_exact_match", "val_score",
    };

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
        (Dataset dataset, bool fromCache) = DatasetBuilder.LoadOrBuild(config, task, (done, total) => options.Progress?.Invoke(new TrainProgress("dataset", done, total)));
        var state = new TrainingState(config, task, dataset);

        int start = 0;
        // Validation scores are ≥ 0, so −1 means "not validated yet" (and, unlike −∞, fits in the JSON header).
        double best = -1;
        if (options.Resume)
        {
            CheckpointInfo info = GanCheckpoint.Load(lastPath, state.Networks, state.Optimizers, state.Sampler);
            (start, best) = ((int)info.Step, info.BestScore);
        }

        using var run = new RunDirectory(options.RunDirectory ?? RunDirectory.DefaultPath(config, DateTime.Now), config, MetricColumns);
        if (!options.Resume)
        {
            TrainSurrogate(state, run, options.Progress);
            TrainMapping(state, run, options.Progress);
        }

        Summary? validation = null;
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
                LogHistograms(state, run, step);
            }

            if (evaluate)
            {
                validation = Validate(state, run, row, step);
                var info = state.Info(step, Math.Max(best, validation.Score));
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
                    GanCheckpoint.Save(lastPath, state.Info(step, best), state.Networks, state.Optimizers, state.Sampler);
                }

                return new TrainResult(run.Path, Path.GetFullPath(checkpoints), step, best, validation, stopwatch.Elapsed, fromCache) { Interrupted = true };
            }
        }

        return new TrainResult(run.Path, Path.GetFullPath(checkpoints), config.Train.Steps, best, validation, stopwatch.Elapsed, fromCache);
    }

    /// <summary>Fits the surrogate to exact metrics of random and near-optimal (perturbed) designs under training conditions.</summary>
    private static void TrainSurrogate(TrainingState state, RunDirectory run, Action<TrainProgress>? progress)
    {
        TrainConfig train = state.Config.Train;
        using (NewDisposeScope())
        {
            (Tensor features, Tensor designs, Tensor targets) = SurrogateBatch(state, Math.Max(4096, train.SurrogateBatchSize));
            state.Networks.SetSurrogateNormalisation(targets.mean(new long[] { 0 }), targets.std(0).clamp_min(1e-3));
        }

        for (int step = 1; step <= train.SurrogateSteps; step++)
        {
            using IDisposable scope = NewDisposeScope();
            (Tensor features, Tensor designs, Tensor targets) = SurrogateBatch(state, train.SurrogateBatchSize);
            Tensor loss = F.mse_loss(state.Networks.SurrogateNormalised(state.Task.Space.OneHot(designs), features), state.Networks.NormaliseLog2(targets));
            state.SurrogateOptimizer.zero_grad();
            loss.backward();
            state.SurrogateOptimizer.step();
            if (step % state.Config.Train.LogEvery == 0 || step == train.SurrogateSteps)
            {
                run.Writer.add_scalar("surrogate/mse", loss.item<float>(), step);
                progress?.Invoke(new TrainProgress("surrogate", step, train.SurrogateSteps, GeneratorLoss: loss.item<float>()));
            }
        }

        using (NewDisposeScope())
        using (no_grad())
        {
            // How well the surrogate ranks what matters: mean |log2 error| on validation near-optimal designs.
            Tensor features = state.ValFeatures;
            Tensor designs = state.ValNear.select(1, 0);
            CandidateEvaluation exact = state.Task.Evaluate(state.ValValues, designs.unsqueeze(1));
            Tensor truth = stack(state.SurrogateMetrics.Select(m => exact.Metrics[m].squeeze(1).log2()).ToArray(), -1).to_type(ScalarType.Float32);
            Tensor predicted = state.Networks.SurrogateLog2(state.Task.Space.OneHot(designs), features);
            for (int i = 0; i < state.SurrogateMetrics.Count; i++)
            {
                float error = (predicted.select(-1, i) - truth.select(-1, i)).abs().mean().item<float>();
                run.Writer.add_scalar($"surrogate/val_abs_log2_error/{state.SurrogateMetrics[i]}", error, train.SurrogateSteps);
            }
        }
    }

    /// <summary>
    /// Fits the generator's per-layer head to the exact best dataflows of random hardware under training
    /// conditions (tasks with per-layer parameters only). The near-optimal sets alone show it only a few hardware
    /// points per condition; here it sees the whole hardware space.
    /// </summary>
    private static void TrainMapping(TrainingState state, RunDirectory run, Action<TrainProgress>? progress)
    {
        TrainConfig train = state.Config.Train;
        if (state.Blocks.Length == state.Task.Layout.Chained)
        {
            return;
        }

        for (int step = 1; step <= train.MappingSteps; step++)
        {
            using IDisposable scope = NewDisposeScope();
            Tensor index = randint(state.TrainCount, new long[] { train.MappingBatchSize }, generator: state.Sampler);
            Tensor hardware = state.Task.Space.OneHot(state.Task.Space.RandomIndices(new long[] { train.MappingBatchSize }, state.Sampler));
            Tensor noise = randn(new long[] { train.MappingBatchSize, state.Networks.NoiseDim }, generator: state.Sampler);
            Tensor loss = MappingLoss(state, noise, state.TrainFeatures.index_select(0, index), hardware, state.TrainValues.Map(t => t.index_select(0, index)));
            state.GeneratorOptimizer.zero_grad();
            loss.backward();
            state.GeneratorOptimizer.step();
            if (step % train.LogEvery == 0 || step == train.MappingSteps)
            {
                run.Writer.add_scalar("mapping/cross_entropy", loss.item<float>(), step);
                progress?.Invoke(new TrainProgress("mapping", step, train.MappingSteps, GeneratorLoss: loss.item<float>()));
            }
        }
    }

    private static (Tensor Features, Tensor Designs, Tensor Targets) SurrogateBatch(TrainingState state, int size)
    {
        Tensor index = randint(state.TrainCount, new long[] { size }, generator: state.Sampler);
        int half = size / 2;
        Tensor random = state.Task.Space.RandomIndices(new long[] { half }, state.Sampler);
        Tensor near = state.PickNear(index.narrow(0, half, size - half));
        Tensor mutate = rand(near.shape, generator: state.Sampler) < 0.3;
        Tensor replacement = state.Task.Space.RandomIndices(new long[] { size - half }, state.Sampler);
        Tensor designs = cat(new[] { random, where(mutate, replacement, near) }, 0);
        CandidateEvaluation sampled = state.Task.Evaluate(state.TrainValues.Map(t => t.index_select(0, index)), designs.unsqueeze(1), Teacher(state));
        Tensor targets = stack(state.SurrogateMetrics.Select(m => sampled.Metrics[m].squeeze(1).log2()).ToArray(), -1).to_type(ScalarType.Float32);
        return (state.TrainFeatures.index_select(0, index), designs, targets);
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
        Tensor mapping = train.MappingWeight > 0 ? MappingLoss(state, noise, features, fake, state.TrainValues.Map(t => t.index_select(0, index))) : zeros(1).squeeze();
        Tensor lossG = (train.AdversarialWeight * adversarial) + (train.ObjectiveWeight * objective) + (train.ConstraintWeight * constraint)
            + (train.SupervisedWeight * supervised) + (train.MappingWeight * mapping);
        state.GeneratorOptimizer.zero_grad();
        lossG.backward();
        state.GeneratorOptimizer.step();

        return new StepLosses(tau, lossD.item<float>(), lossG.item<float>(), adversarial.item<float>(), objective.item<float>(), constraint.item<float>(), supervised.item<float>(), mapping.item<float>());
    }

    // Padding slots (no layer) take no part in the mapping loss.
    private const long IgnoredTarget = -100;

    /// <summary>
    /// Mean cross-entropy of the per-layer logits, given the hardware of <paramref name="designs"/> (one-hot), against
    /// the exact best per-layer choices for that hardware (<see cref="IDseTask.CompleteMappings"/>), over the slots
    /// that hold a layer; zero for tasks without per-layer parameters.
    /// </summary>
    private static Tensor MappingLoss(TrainingState state, Tensor noise, Tensor features, Tensor designs, ValueBatch conditions)
    {
        int chained = state.Task.Layout.Chained;
        int slots = state.Blocks.Length - chained;
        if (slots == 0)
        {
            return zeros(1).squeeze();
        }

        Tensor completed = state.Task.CompleteMappings(conditions, state.Task.Space.FromOneHot(designs.detach()).unsqueeze(1), Teacher(state)).squeeze(1);
        long chainedWidth = state.Blocks.Take(chained).Sum();
        int choices = state.Blocks[chained];
        Tensor slotLogits = state.Networks.Generator.Logits(noise, features, state.Task.Space.OneHot(completed)).narrow(-1, chainedWidth, slots * choices);
        Tensor present = state.Task.Layout.SlotPresence(features, slots);
        Tensor targets = where(present, completed.narrow(-1, chained, slots), IgnoredTarget);
        return F.cross_entropy(slotLogits.reshape(-1, choices), targets.reshape(-1), ignore_index: IgnoredTarget);
    }

    private static EvaluationModel Teacher(TrainingState state) =>
        state.Config.Train.Teacher == "exact" ? EvaluationModel.Exact : EvaluationModel.Streaming;

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

    private static Summary Validate(TrainingState state, RunDirectory run, Dictionary<string, double> row, int step)
    {
        using IDisposable scope = NewDisposeScope();
        var method = new GanMethod(state.Task, state.Networks, state.Config.Seed + 1, state.Config.Generate.Temperature, state.Config.Generate.SlotTemperature);
        Summary summary = Summary.Of(Scorer.ScoreBatch(state.Task, method, state.ValQueries, state.Config.Generate.Candidates, state.Config.Generate.CompleteMappings), state.HasTarget);
        foreach ((string name, double value) in new[]
        {
            ("feasible_rate", summary.FeasibleRate), ("quality", summary.Quality), ("exact_match", summary.ExactMatch), ("score", summary.Score),
        })
        {
            run.Writer.add_scalar($"val/{name}", (float)value, step);
            row[$"val_{name}"] = value;
        }

        return summary;
    }

    private static void LogHistograms(TrainingState state, RunDirectory run, int step)
    {
        using IDisposable scope = NewDisposeScope();
        var method = new GanMethod(state.Task, state.Networks, state.Config.Seed + 2);
        Tensor designs = method.Propose(state.ValQueries.Select(q => q.Condition).ToList(), 16).reshape(-1, state.Blocks.Length);
        for (int p = 0; p < state.Blocks.Length; p++)
        {
            run.Writer.add_histogram($"generated/{state.Task.Space.Parameters[p].Name}", designs.select(-1, p).to_type(ScalarType.Float32), step);
        }
    }

    private sealed record StepLosses(double Tau, double Discriminator, double Generator, double Adversarial, double Objective, double Constraint, double Supervised, double Mapping)
    {
        public void Log(RunDirectory run, Dictionary<string, double> row, int step)
        {
            foreach ((string name, double value) in new[]
            {
                ("discriminator", Discriminator), ("generator", Generator), ("adversarial", Adversarial), ("objective", Objective), ("constraint", Constraint),
                ("supervised", Supervised), ("mapping", Mapping),
            })
            {
                run.Writer.add_scalar($"losses/{name}", (float)value, step);
                row[$"loss_{name}"] = value;
            }

            run.Writer.add_scalar("charts/tau", (float)Tau, step);
            row["tau"] = Tau;
        }
    }
}
