using static TorchSharp.torch;

namespace Gandse.Tasks;

/// <summary>
/// Closed-form features of a slot on given hardware: <see cref="Compute"/> takes the chained parameters' one-hots
/// [R, W] and the slots' features [R, SlotFeatureWidth] (row r of one with row r of the other) and returns
/// [R, <see cref="Width"/>] float32, without gradient.
/// </summary>
public sealed record SlotInteraction(int Width, Func<Tensor, Tensor, Tensor> Compute);
