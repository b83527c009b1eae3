using static TorchSharp.torch;

namespace Gandse.Harness;

/// <summary>
/// A limit on exact evaluations per query (<c>--calls N</c>): each query's proposals cut to the first N distinct
/// designs, in the order the method proposed them (a GAN orders them best first by its own ranking). Rows past a
/// query's distinct designs repeat its first, which the ledger does not charge again.
/// </summary>
public static class CallBudget
{
    /// <summary>Proposals [Q, N, P] cut to [Q, min(N, calls), P] holding each query's first <paramref name="calls"/> distinct designs.</summary>
    public static Tensor FirstDistinct(Tensor proposals, int calls)
    {
        long queries = proposals.shape[0], perQuery = proposals.shape[1], width = proposals.shape[2];
        int kept = (int)Math.Min(perQuery, calls);
        long[] flat = proposals.to_type(ScalarType.Int64).contiguous().data<long>().ToArray();
        var cut = new long[queries * kept * width];
        for (long q = 0; q < queries; q++)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            int taken = 0;
            for (long i = 0; i < perQuery && taken < kept; i++)
            {
                ReadOnlySpan<long> design = flat.AsSpan((int)(((q * perQuery) + i) * width), (int)width);
                if (seen.Add(string.Join(',', design.ToArray())))
                {
                    design.CopyTo(cut.AsSpan((int)(((q * kept) + taken) * width)));
                    taken++;
                }
            }

            for (int r = taken; r < kept; r++)
            {
                cut.AsSpan((int)(q * kept * width), (int)width).CopyTo(cut.AsSpan((int)(((q * kept) + r) * width)));
            }
        }

        return tensor(cut, new[] { queries, kept, width }).to_type(proposals.dtype);
    }
}
