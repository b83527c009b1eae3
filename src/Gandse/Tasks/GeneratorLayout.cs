namespace Gandse.Tasks;

/// <summary>
/// How a generator may factorise a task's designs. The first <paramref name="Chained"/> parameters are drawn one
/// at a time, each given the ones before it. The rest, if any, are per-layer slots with equal choice counts
/// (a dataflow per layer, say): each is drawn given the chained parameters and its own slot features, which
/// sit in the condition features from <paramref name="SlotFeatureOffset"/>, <paramref name="SlotFeatureWidth"/>
/// per slot.
/// </summary>
public sealed record GeneratorLayout(int Chained, int SlotFeatureOffset = 0, int SlotFeatureWidth = 0);
