using Gandse.Config;
using Gandse.Methods.Gan;
using Gandse.Tasks;

namespace Gandse.Methods;

/// <summary>Loads any method's checkpoint: the header names the method, its catalog entry restores it.</summary>
public static class TrainedMethods
{
    /// <summary>Loads <paramref name="checkpoint"/>: a checkpoint file, or a folder holding best.ckpt (else last.ckpt).</summary>
    public static ITrainedMethod Load(string checkpoint)
    {
        string path = GanCheckpoint.Resolve(checkpoint);
        CheckpointInfo info = GanCheckpoint.ReadInfo(path);
        MethodEntry entry = MethodCatalog.Get(info.MethodName);
        if (entry.Load is null)
        {
            throw new UsageException($"'{path}' names method '{info.MethodName}', which keeps no checkpoints");
        }

        ExperimentConfig config = ConfigBinder.Parse(info.ConfigYaml, path, Array.Empty<string>(), migrate: true);
        return entry.Load(path, info, config, TaskCatalog.Create(config));
    }
}
