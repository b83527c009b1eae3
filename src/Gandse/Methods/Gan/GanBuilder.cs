using Gandse.Config;

namespace Gandse.Methods.Gan;

/// <summary>The GAN as a registered method: loaded from <c>methods.gan.checkpoint</c>, or trained for the seed into the output folder.</summary>
public static class GanBuilder
{
    /// <summary>Trains a GAN for a comparison run (no checkpoints) and returns it as a method.</summary>
    public static IMethod Build(MethodContext context)
    {
        ExperimentConfig config = context.Config;
        if (config.Methods.Gan.Checkpoint.Length > 0)
        {
            return TrainedGan.Load(config.Methods.Gan.Checkpoint).Method(context.Seed);
        }

        ExperimentConfig seeded = ConfigBinder.Parse(ConfigWriter.ToYaml(config), "comparison", new[] { $"seed={context.Seed}", $"data.seed={config.DataSeed()}" });
        string name = context.RunName.Length > 0 ? context.RunName : "gan";
        string checkpoints = context.CheckpointFolder(name);
        GanTrainer.Train(seeded, new TrainOptions(context.Validator, Path.Combine(context.OutputDirectory, "runs", $"{name}-s{context.Seed}"), checkpoints, Cancellation: context.Cancellation));
        context.Cancellation.ThrowIfCancellationRequested();
        return TrainedGan.Load(checkpoints).Method(context.Seed);
    }
}
