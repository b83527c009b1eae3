using Gandse.Config;
using Gandse.Runs;
using Gandse.Tasks;
using Gandse.Tensors;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Gandse.Methods.Gan;

/// <summary>
/// The phases before and beside the adversarial game: the surrogate fitted to exact metrics, and the per-layer
/// mapping heads taught the exact best dataflows for the hardware they are given.
/// </summary>
internal static class GanPretraining
{
    private const long IgnoredTarget = -100;

    /// <summary>Pre-training comes before the first checkpoint, so an interrupt here keeps the dataset and nothing else.</summary>
    private static void StopIfAsked(CancellationToken cancellation, string phase)
    {
        if (cancellation.IsCancellationRequested)
        {
            throw new OperationCanceledException($"interrupted while {phase}, before the first checkpoint: the labelled dataset is kept, the rest starts again on the next run");
        }
    }

    /// <summary>Fits the surrogate to exact metrics of random and near-optimal (perturbed) designs under training conditions.</summary>
    internal static void TrainSurrogate(TrainingState state, RunDirectory run, Action<TrainProgress>? progress, CancellationToken cancellation = default)
    {
        TrainConfig train = state.Config.Train;
        using (NewDisposeScope())
        {
            (Tensor features, Tensor designs, Tensor targets) = SurrogateBatch(state, Math.Max(4096, train.SurrogateBatchSize));
            state.Networks.SetSurrogateNormalisation(targets.mean(new long[] { 0 }), targets.std(0).clamp_min(1e-3));
        }

        for (int step = 1; step <= train.SurrogateSteps; step++)
        {
            StopIfAsked(cancellation, "fitting the surrogate");
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
    internal static void TrainMapping(TrainingState state, RunDirectory run, Action<TrainProgress>? progress, CancellationToken cancellation = default)
    {
        TrainConfig train = state.Config.Train;
        if (state.Blocks.Length == state.Task.Layout.Chained)
        {
            return;
        }

        for (int step = 1; step <= train.MappingSteps; step++)
        {
            StopIfAsked(cancellation, "teaching the per-layer mappings");
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

    internal static (Tensor Features, Tensor Designs, Tensor Targets) SurrogateBatch(TrainingState state, int size)
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

    /// <summary>
    /// Mean cross-entropy of the per-layer logits, given the hardware of <paramref name="designs"/> (one-hot), against
    /// the exact best per-layer choices for that hardware (<see cref="IDseTask.CompleteMappings"/>), over the slots
    /// that hold a layer; zero for tasks without per-layer parameters.
    /// </summary>
    internal static Tensor MappingLoss(TrainingState state, Tensor noise, Tensor features, Tensor designs, ValueBatch conditions)
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

    internal static EvaluationModel Teacher(TrainingState state) =>
        state.Config.Train.Teacher == "exact" ? EvaluationModel.Exact : EvaluationModel.Streaming;
}
