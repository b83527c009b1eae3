using System.Diagnostics;
using Gandse.Conditions;
using Gandse.Config;
using Gandse.Data;
using Gandse.Methods.Gan;
using Gandse.Tasks;
using TorchSharp;
using static TorchSharp.torch;

namespace Gandse.Methods.Ordinal;

/// <summary>
/// The recommender after AIrchitect v2 (Seo et al., 2024): a transformer encoder over per-feature tokens and
/// unified ordinal outputs in place of one class per design. Its first candidate is the most likely design;
/// further candidates, for equal budgets, are the next most likely ones in order (exact top k of the product of
/// its per-parameter distributions), so a budget of k calls is spent on its k best guesses, none twice.
/// </summary>
public sealed class OrdinalRecommender : ISavedMethod
{
    private readonly IDseTask _task;
    private readonly OrdinalTransformerNetwork _network;
    private readonly OrdinalHeads _heads;

    private OrdinalRecommender(IDseTask task, OrdinalTransformerNetwork network, OrdinalHeads heads)
    {
        _task = task;
        _network = network;
        _heads = heads;
    }

    /// <inheritdoc/>
    public string Name => "airchitect-v2";

    /// <summary>Trains on each training condition's optimum or near-optimal set (per <c>labels</c>); stops at <paramref name="cancellation"/>.</summary>
    public static OrdinalRecommender Train(IDseTask task, IReadOnlyList<LabelledCondition> train, AirchitectV2Settings settings, long seed, CancellationToken cancellation = default)
    {
        torch.random.manual_seed(seed);
        var heads = new OrdinalHeads(task.Space);
        OrdinalTransformerNetwork network = Network(task, settings, heads);
        var optimizer = optim.Adam(network.parameters(), settings.Lr);
        var schedule = optim.lr_scheduler.CosineAnnealingLR(optimizer, settings.Steps, settings.Lr / 10);
        var sampler = new Generator((ulong)seed);
        Tensor features = task.Features(train.Select(c => c.Condition).ToList());
        Tensor targets = Targets(task, heads, train, settings.Labels);
        network.train();
        for (int step = 0; step < settings.Steps && !cancellation.IsCancellationRequested; step++)
        {
            using IDisposable scope = NewDisposeScope();
            Tensor index = randint(train.Count, new long[] { settings.BatchSize }, generator: sampler);
            Tensor loss = heads.Loss(network.forward(features.index_select(0, index)), targets.index_select(0, index));
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            schedule.step();
        }

        network.eval();
        return new OrdinalRecommender(task, network, heads);
    }

    /// <inheritdoc/>
    public void Save(string path, CheckpointInfo info) =>
        GanCheckpoint.Save(path, info, _network, Array.Empty<TorchSharp.Modules.OptimizerHelper>(), sampler: null);

    /// <summary>The recommender of a checkpoint <see cref="Save"/> wrote.</summary>
    public static ITrainedMethod Restore(string path, CheckpointInfo info, ExperimentConfig config, IDseTask task)
    {
        var heads = new OrdinalHeads(task.Space);
        OrdinalTransformerNetwork network = Network(task, config.Methods.AirchitectV2, heads);
        GanCheckpoint.Load(path, network);
        network.eval();
        return new TrainedMethod(path, info, config, task, (_, _) => new OrdinalRecommender(task, network, heads), defaultTemperature: null);
    }

    /// <inheritdoc/>
    public Tensor Propose(IReadOnlyList<Condition> conditions, int candidates)
    {
        using IDisposable noGrad = no_grad();
        IReadOnlyList<Tensor> logProbabilities = _heads.LogProbabilities(_network.forward(_task.Features(conditions)));
        Tensor ranked = JointTopK.Of(logProbabilities, candidates);
        // A space smaller than the budget has no more designs to give: repeats of the most likely one fill the
        // rows, and the harness counts a repeat once.
        return ranked.shape[1] == candidates
            ? ranked
            : cat(new[] { ranked, ranked.narrow(1, 0, 1).expand(-1, candidates - ranked.shape[1], -1) }, 1);
    }

    private static OrdinalTransformerNetwork Network(IDseTask task, AirchitectV2Settings settings, OrdinalHeads heads) =>
        new(task.FeatureCount, settings.ModelDim, settings.Heads, settings.Layers, settings.FeedForward, settings.Dropout, heads.Width);

    /// <summary>Each condition's target vector: its optimum's, or the mean of its near-optimal designs' (a soft ordinal target).</summary>
    private static Tensor Targets(IDseTask task, OrdinalHeads heads, IReadOnlyList<LabelledCondition> train, string labels)
    {
        if (labels == "optimum")
        {
            return heads.Encode(task.Space.IndexTensor(train.Select(c => c.Optimum).ToList()));
        }

        NearOptimalSets sets = NearOptimalSets.Of(task, train);
        Tensor encoded = heads.Encode(sets.Designs);
        Tensor counts = sets.Counts;
        Tensor valid = (arange(sets.Designs.shape[1], dtype: ScalarType.Int64).unsqueeze(0) < counts.unsqueeze(1)).to_type(ScalarType.Float32).unsqueeze(2);
        return (encoded * valid).sum(1) / counts.to_type(ScalarType.Float32).unsqueeze(1);
    }
}
