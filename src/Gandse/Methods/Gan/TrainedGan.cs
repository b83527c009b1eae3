using Gandse.Config;
using Gandse.Tasks;
using static TorchSharp.torch;

namespace Gandse.Methods.Gan;

/// <summary>A generator restored from a checkpoint, with the config and task it was trained for.</summary>
public sealed class TrainedGan
{
    private TrainedGan(string path, CheckpointInfo info, ExperimentConfig config, IDseTask task, GanNetworks networks)
    {
        Path = path;
        Info = info;
        Config = config;
        Task = task;
        Networks = networks;
    }

    public string Path { get; }

    public CheckpointInfo Info { get; }

    public ExperimentConfig Config { get; }

    public IDseTask Task { get; }

    public GanNetworks Networks { get; }

    /// <summary>Loads <paramref name="checkpoint"/>: a checkpoint file, or a folder holding best.ckpt (else last.ckpt).</summary>
    public static TrainedGan Load(string checkpoint)
    {
        string path = GanCheckpoint.Resolve(checkpoint);
        CheckpointInfo info = GanCheckpoint.ReadInfo(path);
        ExperimentConfig config = ConfigBinder.Parse(info.ConfigYaml, path, Array.Empty<string>());
        IDseTask task = TaskCatalog.Create(config);
        var networks = new GanNetworks(
            config.Model.NoiseDim, task.FeatureCount, task.Space.OneHotWidth, info.SurrogateMetrics.Count, config.Model.Hidden, config.Model.Layers);
        GanCheckpoint.Load(path, networks);
        networks.eval();
        return new TrainedGan(path, info, config, task, networks);
    }

    public GanMethod Method(long seed) => new(Task, Networks, seed, Config.Generate.Temperature);
}
