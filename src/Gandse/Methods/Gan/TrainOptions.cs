namespace Gandse.Methods.Gan;

/// <summary>Where a training run writes and how it reports.</summary>
/// <param name="Validator">Scores the generator on the validation split every <c>train.eval_every</c> steps (the harness' <c>HarnessValidator</c>).</param>
/// <param name="Cancellation">When cancelled (Ctrl-C, say), training stops after the current step and saves last.ckpt, so <c>--resume</c> continues exactly.</param>
/// <param name="RunDirectory">The run folder; null for runs/ under a generated name (or, on resume, the folder the checkpoint names).</param>
/// <param name="CheckpointDirectory">Where best.ckpt and last.ckpt go; null for checkpoints/&lt;experiment&gt;.</param>
/// <param name="Resume">Continue from last.ckpt in the checkpoint folder.</param>
/// <param name="Progress">Gets each logged step's losses and the latest validation score.</param>
public sealed record TrainOptions(
    IValidator Validator,
    string? RunDirectory = null,
    string? CheckpointDirectory = null,
    bool Resume = false,
    Action<TrainProgress>? Progress = null,
    CancellationToken Cancellation = default);
