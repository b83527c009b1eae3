namespace Gandse.Methods.Gan;

/// <summary>What a training run did: where it wrote, its last step, the best validation score and how long it took.</summary>
public sealed record TrainResult(string RunDirectory, string CheckpointDirectory, int Step, double BestScore, ValidationScore? Validation, TimeSpan Elapsed, bool DatasetFromCache)
{
    /// <summary>Whether training stopped at a cancellation before its last step.</summary>
    public bool Interrupted { get; init; }

    /// <summary>The method trained; a GAN run counts <see cref="Step"/> in GAN steps, any other trains in one go.</summary>
    public string Method { get; init; } = "gan";
}
