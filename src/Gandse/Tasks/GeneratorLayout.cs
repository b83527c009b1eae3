using static TorchSharp.torch;

namespace Gandse.Tasks;

/// <summary>
/// How a generator may factorise a task's designs. The first <paramref name="Chained"/> parameters are drawn one
/// at a time, each given the ones before it. The rest, if any, are per-layer slots with equal choice counts
/// (a dataflow per layer, say): each is drawn given the chained parameters and its own slot features, which
/// sit in the condition features from <paramref name="SlotFeatureOffset"/>, <paramref name="SlotFeatureWidth"/>
/// per slot. A slot whose features are all zero is padding (past a network's last layer): it is not modelled
/// and takes choice 0, as the exact labels do. <paramref name="Interaction"/>, if given, adds closed-form
/// features of each slot on the drawn hardware.
/// </summary>
public sealed record GeneratorLayout(int Chained, int SlotFeatureOffset = 0, int SlotFeatureWidth = 0, SlotInteraction? Interaction = null)
{
    /// <summary>[B, slots] bool: which slots of conditions <paramref name="features"/> [B, F] hold a layer.</summary>
    public Tensor SlotPresence(Tensor features, int slots) =>
        features.narrow(-1, SlotFeatureOffset, slots * SlotFeatureWidth).reshape(features.shape[0], slots, SlotFeatureWidth).ne(0).any(-1);
}
