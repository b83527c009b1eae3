namespace Gandse.Tensors;

/// <summary>The shape tensors broadcast to, by NumPy's rules, without making any tensor.</summary>
internal static class BroadcastShape
{
    /// <summary>
    /// The shape <paramref name="shapes"/> broadcast to: aligned on the right, a size 1 or a missing dimension stretches;
    /// sizes that differ otherwise are an <see cref="ArgumentException"/> naming the shapes. (TorchSharp 0.107's
    /// <c>broadcast_shapes</c> refuses shapes of different ranks, such as [3, 1] with [4].)
    /// </summary>
    public static long[] Of(IEnumerable<long[]> shapes)
    {
        List<long[]> all = shapes.ToList();
        var shape = new long[all.Count == 0 ? 0 : all.Max(s => s.Length)];
        Array.Fill(shape, 1L);
        foreach (long[] s in all)
        {
            for (int d = 1; d <= s.Length; d++)
            {
                long size = s[^d], current = shape[^d];
                shape[^d] = current == 1 ? size
                    : size == 1 || size == current ? current
                    : throw new ArgumentException($"shapes [{string.Join(", ", all.Select(x => string.Join("x", x)))}] do not broadcast together");
            }
        }

        return shape;
    }
}
