using TorchSharp;
using static TorchSharp.torch;

namespace Gandse.Tensors;

/// <summary>
/// Work over many candidates done a bounded slice at a time, so peak memory is set by the slice, not by the
/// number of candidates: a network query's 16,384 candidates took 4.5 GB proposed and bounded at once (about
/// 270 KB each, in the generator's and the closed-form bounds' intermediates over every layer).
/// </summary>
public static class CandidateChunks
{
    /// <summary>Candidates per slice: their intermediates stay a few hundred MB on the largest networks.</summary>
    public const int Size = 2048;

    /// <summary>
    /// <paramref name="compute"/>(start, length) over slices of <paramref name="total"/> rows, each in its own
    /// dispose scope (what <paramref name="compute"/> moves out of it lands in the caller's), joined along
    /// <paramref name="dimension"/>.
    /// </summary>
    public static Tensor Join(long total, Func<long, long, Tensor> compute, long dimension = 0, long size = Size)
    {
        if (total <= size)
        {
            using DisposeScope single = NewDisposeScope();
            return compute(0, total).MoveToOuterDisposeScope();
        }

        var parts = new List<Tensor>();
        for (long start = 0; start < total; start += size)
        {
            using DisposeScope scope = NewDisposeScope();
            parts.Add(compute(start, Math.Min(size, total - start)).MoveToOuterDisposeScope());
        }

        Tensor joined = cat(parts, dimension);
        parts.ForEach(p => p.Dispose());
        return joined;
    }
}
