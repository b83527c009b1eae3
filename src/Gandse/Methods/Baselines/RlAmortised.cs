using System.Diagnostics;
using Gandse.Conditions;
using Gandse.Tasks;
using Gandse.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace Gandse.Methods.Baselines;

/// <summary>
/// Deep RL, amortised (ConfuciuX-style policy trained across queries): one conditional autoregressive policy
/// trained with REINFORCE on the exact cost model's reward (<see cref="Fitness"/>) over training conditions,
/// answering a new query in one shot by sampling candidates. It never sees the optimum labels.
/// </summary>
public sealed class RlAmortised : ISavedMethod
{
    private readonly IDseTask _task;
    private readonly PolicyNetwork _policy;
    private readonly Generator _sampler;

    private RlAmortised(IDseTask task, PolicyNetwork policy, long seed)
    {
        _task = task;
        _policy = policy;
        _sampler = new Generator((ulong)seed);
    }

    /// <inheritdoc/>
    public string Name => "rl-amortised";

    /// <summary>Wall time training took.</summary>
    public TimeSpan TrainingTime { get; private init; }

    /// <remarks>The reward's infeasibility penalty (settings.RewardPenalty, log2 units) is 2: the searches' 10 made the policy settle on one small design that fits every budget.</remarks>
    public static RlAmortised Train(IDseTask task, IReadOnlyList<LabelledCondition> train, Config.RlAmortisedSettings settings, long seed, CancellationToken cancellation = default)
    {
        var stopwatch = Stopwatch.StartNew();
        torch.random.manual_seed(seed);
        int[] blocks = task.Space.Parameters.Select(p => p.Count).ToArray();
        var policy = new PolicyNetwork(task.FeatureCount, blocks, settings.Hidden, settings.Layers);
        var optimizer = optim.Adam(policy.parameters(), settings.Lr);
        int steps = settings.Steps, batchSize = settings.BatchSize;
        double entropyBonus = settings.EntropyBonus, rewardPenalty = settings.RewardPenalty;
        var sampler = new Generator((ulong)seed);
        List<Condition> conditions = train.Select(c => c.Condition).ToList();
        Tensor features = task.Features(conditions);
        ValueBatch values = task.ConditionValues(conditions);
        for (int step = 0; step < steps && !cancellation.IsCancellationRequested; step++)
        {
            using IDisposable scope = NewDisposeScope();
            Tensor index = randint(train.Count, new long[] { batchSize }, generator: sampler);
            Tensor batchFeatures = features.index_select(0, index);
            (Tensor designs, Tensor logProbability, Tensor entropy) = policy.Sample(batchFeatures, sampler);
            CandidateEvaluation evaluation = task.Evaluate(values.Map(t => t.index_select(0, index)), designs.unsqueeze(1));
            Tensor reward = Fitness.Of(task, evaluation, rewardPenalty).squeeze(1);
            Tensor loss = ReinforceUpdate.Loss(reward, policy.Value(batchFeatures), logProbability, entropy, entropyBonus);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }

        policy.eval();
        return new RlAmortised(task, policy, seed) { TrainingTime = stopwatch.Elapsed };
    }

    /// <inheritdoc/>
    public void Save(string path, Gan.CheckpointInfo info) =>
        Gan.GanCheckpoint.Save(path, info, _policy, Array.Empty<TorchSharp.Modules.OptimizerHelper>(), sampler: null);

    /// <summary>The policy of a checkpoint <see cref="Save"/> wrote; it samples without a temperature.</summary>
    public static ITrainedMethod Restore(string path, Gan.CheckpointInfo info, Config.ExperimentConfig config, IDseTask task)
    {
        Config.RlAmortisedSettings settings = config.Methods.RlAmortised;
        var policy = new PolicyNetwork(task.FeatureCount, task.Space.Parameters.Select(p => p.Count).ToArray(), settings.Hidden, settings.Layers);
        Gan.GanCheckpoint.Load(path, policy);
        policy.eval();
        return new TrainedMethod(path, info, config, task, (seed, _) => new RlAmortised(task, policy, seed), defaultTemperature: null);
    }

    /// <inheritdoc/>
    public Tensor Propose(IReadOnlyList<Condition> conditions, int candidates)
    {
        using IDisposable noGrad = no_grad();
        Tensor features = _task.Features(conditions).repeat_interleave(candidates, 0);
        return _policy.Sample(features, _sampler).Designs.reshape(conditions.Count, candidates, -1);
    }
}
