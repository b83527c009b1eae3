using System.Diagnostics;
using Gandse.Conditions;
using Gandse.Data;
using Gandse.Methods.Gan;
using Gandse.Tasks;
using TorchSharp;
using static TorchSharp.torch;

namespace Gandse.Methods.Baselines;

/// <summary>
/// The MLP recommender after AIrchitect (Samajdar et al., 2021): trained with cross-entropy on exact-optimum
/// labels. Its first candidate is its prediction (the arg-max of every head, what AIrchitect returns);
/// further candidates, for equal cost-model budgets, are sampled from its softmax heads.
/// </summary>
public sealed class MlpRecommender : ISavedMethod
{
    private readonly IDseTask _task;
    private readonly RecommenderNetwork _network;
    private readonly int[] _blocks;
    private readonly Generator _sampler;
    private readonly double _temperature;

    private MlpRecommender(IDseTask task, RecommenderNetwork network, long seed, double temperature)
    {
        _task = task;
        _network = network;
        _blocks = task.Space.Parameters.Select(p => p.Count).ToArray();
        _sampler = new Generator((ulong)seed);
        _temperature = temperature;
    }

    /// <inheritdoc/>
    public string Name => "mlp";

    /// <summary>Wall time training took.</summary>
    public TimeSpan TrainingTime { get; private init; }

    /// <summary>Trains the recommender on the optimum of each training condition (or its near-optimal set, per <c>labels</c>); stops at <paramref name="cancellation"/>.</summary>
    public static MlpRecommender Train(IDseTask task, IReadOnlyList<LabelledCondition> train, Config.MlpSettings settings, long seed, CancellationToken cancellation = default)
    {
        var stopwatch = Stopwatch.StartNew();
        torch.random.manual_seed(seed);
        var network = new RecommenderNetwork(task.FeatureCount, settings.EmbeddingDim, settings.Hidden, settings.Layers, task.Space.OneHotWidth);
        var optimizer = optim.Adam(network.parameters(), settings.Lr);
        int steps = settings.Steps, batchSize = settings.BatchSize;
        var sampler = new Generator((ulong)seed);
        Tensor features = task.Features(train.Select(c => c.Condition).ToList());
        Tensor labels = task.Space.IndexTensor(train.Select(c => c.Optimum).ToList());
        NearOptimalSets? near = settings.Labels == "near_optimal" ? NearOptimalSets.Of(task, train) : null;
        for (int step = 0; step < steps && !cancellation.IsCancellationRequested; step++)
        {
            using IDisposable scope = NewDisposeScope();
            Tensor index = randint(train.Count, new long[] { batchSize }, generator: sampler);
            Tensor logits = network.forward(features.index_select(0, index));
            Tensor target = near is null ? labels.index_select(0, index) : near.Pick(index, sampler);
            Tensor loss = task.Space.CrossEntropy(logits, target);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }

        network.eval();
        return new MlpRecommender(task, network, seed, settings.Temperature) { TrainingTime = stopwatch.Elapsed };
    }

    /// <inheritdoc/>
    public void Save(string path, CheckpointInfo info) =>
        GanCheckpoint.Save(path, info, _network, Array.Empty<TorchSharp.Modules.OptimizerHelper>(), sampler: null);

    /// <summary>The recommender of a checkpoint <see cref="Save"/> wrote, answering with its settings' temperature unless asked otherwise.</summary>
    public static ITrainedMethod Restore(string path, CheckpointInfo info, Config.ExperimentConfig config, IDseTask task)
    {
        Config.MlpSettings settings = config.Methods.Mlp;
        var network = new RecommenderNetwork(task.FeatureCount, settings.EmbeddingDim, settings.Hidden, settings.Layers, task.Space.OneHotWidth);
        GanCheckpoint.Load(path, network);
        network.eval();
        return new TrainedMethod(path, info, config, task, (seed, temperature) => new MlpRecommender(task, network, seed, temperature ?? settings.Temperature), settings.Temperature);
    }

    /// <summary>The arg-max design per condition: AIrchitect's prediction.</summary>
    public Tensor Predict(IReadOnlyList<Condition> conditions)
    {
        using IDisposable noGrad = no_grad();
        return _task.Space.FromOneHot(_network.forward(_task.Features(conditions)));
    }

    /// <inheritdoc/>
    public Tensor Propose(IReadOnlyList<Condition> conditions, int candidates)
    {
        using IDisposable noGrad = no_grad();
        Tensor logits = _network.forward(_task.Features(conditions));
        Tensor best = _task.Space.FromOneHot(logits).unsqueeze(1);
        if (candidates == 1)
        {
            return best;
        }

        Tensor repeated = (logits / _temperature).repeat_interleave(candidates - 1, 0);
        Tensor sampled = GumbelSoftmax.Sample(repeated, _blocks, _sampler).reshape(conditions.Count, candidates - 1, _blocks.Length);
        return cat(new[] { best, sampled }, 1);
    }
}
