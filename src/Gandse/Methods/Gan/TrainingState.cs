using Gandse.Config;
using Gandse.Data;
using Gandse.Tasks;
using Gandse.Tensors;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Gandse.Methods.Gan;

/// <summary>Everything a GAN training run holds: the dataset as tensors, the networks, their optimisers and the sampler.</summary>
internal sealed class TrainingState
{
    public TrainingState(ExperimentConfig config, IDseTask task, Dataset dataset)
    {
        Config = config;
        Task = task;
        Blocks = task.Space.Parameters.Select(p => p.Count).ToArray();
        ValueTables = task.Space.Parameters
            .Select(p => tensor(Enumerable.Range(0, p.Count).Select(i => (float)p.Value(i)).ToArray()))
            .ToArray();
        SurrogateMetrics = SurrogateMetricsOf(task);

        TrainCount = dataset.Train.Count;
        TrainFeatures = task.Features(dataset.Train.Select(c => c.Condition).ToList());
        TrainValues = task.ConditionValues(dataset.Train.Select(c => c.Condition).ToList());
        TrainNear = NearOptimalSets.Of(task, dataset.Train);

        ValQueries = dataset.Val.Take(config.Train.ValQueries).ToList();
        ValFeatures = task.Features(ValQueries.Select(c => c.Condition).ToList());
        ValValues = task.ConditionValues(ValQueries.Select(c => c.Condition).ToList());
        ValNear = NearOptimalSets.Of(task, ValQueries).Designs;

        Networks = new GanNetworks(config.Model, task, SurrogateMetrics.Count);
        GeneratorOptimizer = optim.Adam(Networks.Generator.parameters(), config.Train.GeneratorLr, 0.5, 0.999);
        DiscriminatorOptimizer = optim.Adam(Networks.Discriminator.parameters(), config.Train.DiscriminatorLr, 0.5, 0.999);
        SurrogateOptimizer = optim.Adam(Networks.Surrogate.parameters(), config.Train.SurrogateLr);
        Sampler = new Generator((ulong)config.Seed);
    }

    public ExperimentConfig Config { get; }

    public IDseTask Task { get; }


    public int[] Blocks { get; }

    /// <summary>Per parameter, the value of each choice, so one-hot blocks map to values by a product.</summary>
    public Tensor[] ValueTables { get; }

    public IReadOnlyList<string> SurrogateMetrics { get; }

    public int TrainCount { get; }

    public Tensor TrainFeatures { get; }

    public ValueBatch TrainValues { get; }

    public NearOptimalSets TrainNear { get; }

    public IReadOnlyList<LabelledCondition> ValQueries { get; }

    public Tensor ValFeatures { get; }

    public ValueBatch ValValues { get; }

    public Tensor ValNear { get; }

    public GanNetworks Networks { get; }

    public Adam GeneratorOptimizer { get; }

    public Adam DiscriminatorOptimizer { get; }

    public Adam SurrogateOptimizer { get; }

    public IReadOnlyList<OptimizerHelper> Optimizers => new OptimizerHelper[] { GeneratorOptimizer, DiscriminatorOptimizer, SurrogateOptimizer };

    public Generator Sampler { get; }

    /// <summary>What the surrogate predicts: the objective's metrics, then those its constraints bound.</summary>
    public static IReadOnlyList<string> SurrogateMetricsOf(IDseTask task) => task.Objective.ModelledMetrics;

    /// <summary>One near-optimal design per index, drawn uniformly from that condition's set: [B, P].</summary>
    public Tensor PickNear(Tensor index) => TrainNear.Pick(index, Sampler);

    public CheckpointInfo Info(int step, double bestScore, string runDirectory) => new(
        Config.Experiment, Config.Task, step, bestScore, Config.Seed, Data.DatasetKey.Of(Config, Task.DatasetFingerprint), ConfigWriter.ToYaml(Config),
        Task.FeatureCount, SurrogateMetrics, DateTime.UtcNow, Runtime.GandseVersion.Current, RunDirectory: runDirectory);
}
