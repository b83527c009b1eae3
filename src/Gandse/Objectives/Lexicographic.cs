using TorchSharp;
using static Gandse.Tensors.SafeOps;
using static TorchSharp.torch;

namespace Gandse.Objectives;

/// <summary>Exact lexicographic selection over tensors, ties going to the lowest position.</summary>
public static class Lexicographic
{
    /// <summary>
    /// Along <paramref name="dim"/>: the position of the least key tuple among entries where
    /// <paramref name="allowed"/> holds, and whether any entry was allowed (where none is, the position is 0).
    /// </summary>
    public static (Tensor Position, Tensor Any) ArgMin(Tensor allowed, IReadOnlyList<Tensor> keys, long dim = -1)
    {
        Tensor candidates = allowed;
        foreach (Tensor key in keys)
        {
            Tensor masked = Where(candidates, key, double.PositiveInfinity);
            Tensor least = masked.amin(new[] { dim }, keepdim: true);
            candidates = candidates & masked.eq(least);
        }

        long size = allowed.shape[dim < 0 ? allowed.dim() + dim : dim];
        var positionShape = Enumerable.Repeat(1L, (int)allowed.dim()).ToArray();
        positionShape[dim < 0 ? allowed.dim() + dim : dim] = size;
        Tensor positions = arange(size, dtype: ScalarType.Int64).reshape(positionShape);
        Tensor position = where(candidates, positions, size).amin(new[] { dim });
        Tensor any = allowed.any(dim);
        return (where(any, position, 0), any);
    }

    /// <summary>True when key tuple <paramref name="a"/> is strictly less than <paramref name="b"/>.</summary>
    public static bool Less(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        for (int i = 0; i < a.Count; i++)
        {
            if (a[i] != b[i])
            {
                return a[i] < b[i];
            }
        }

        return false;
    }

    /// <summary>Keys as text, equal exactly when every key is equal: one outcome, however many designs reach it.</summary>
    public static string Outcome(IEnumerable<double> keys) =>
        string.Join(',', keys.Select(k => k.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
}
