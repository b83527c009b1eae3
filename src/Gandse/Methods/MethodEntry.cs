namespace Gandse.Methods;

/// <summary>
/// One registered method: its name (as <c>compare.methods</c> and reports spell it), what it is, whether it
/// trains before answering (and so is charged training time), how it is built for a seed and, for methods that
/// keep checkpoints, how one is restored (the built method is then an <see cref="ISavedMethod"/>).
/// </summary>
public sealed record MethodEntry(string Name, string Description, bool Trains, Func<MethodContext, IMethod> Build)
{
    /// <summary>Restores the method from its checkpoint; null for a method that keeps none.</summary>
    public Func<string, Gan.CheckpointInfo, Config.ExperimentConfig, Tasks.IDseTask, ITrainedMethod>? Load { get; init; }

    /// <summary>
    /// For a comparison variant (an ablation, another answering setting): the registered method it is, built with
    /// <see cref="Overrides"/> applied to the experiment; null for a method in its own right.
    /// </summary>
    public string? VariantOf { get; init; }

    /// <summary>A variant's settings, as <c>key.path=value</c> assignments on the experiment.</summary>
    public IReadOnlyList<string> Overrides { get; init; } = Array.Empty<string>();

}
