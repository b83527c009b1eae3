namespace Gandse.Methods.Gan;

/// <summary>Where a training run writes and how it reports.</summary>
/// <param name="Validator">Scores the generator on the validation split every <c>train.eval_every</c> steps (the harness' <c>HarnessValidator</c>).</param>
/// <param name="Cancellation">When cancelled (Ctrl-C, say), training stops after the current step and saves last.ckpt, so <c>--resume</c> continues exactly.</param>
public sealed record TrainOptions(
    IValidator Validator,
    string? RunDirectory = null,
    string? CheckpointDirectory = null,
    bool Resume = false,
    Action<TrainProgress>? Progress = null,
    CancellationToken Cancellation = default);
