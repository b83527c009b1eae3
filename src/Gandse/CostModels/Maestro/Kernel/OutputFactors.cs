using System.Runtime.CompilerServices;
namespace Gandse.CostModels.Maestro.Kernel;

/// <summary>
/// The factors of a level's output traffic (<see cref="KernelTraffic.Output"/>), tabled once per analysis: each output
/// dimension's five variants and each other map's three partial-sum variants, for every position the deciding map can
/// take. Entries whose deciding map never moves are multiplied together once. A case then multiplies the other
/// entries, picked by its maps' positions, instead of re-deciding each factor; the products are the same integers in
/// another order.
/// </summary>
internal static class OutputFactors
{
    /// <summary>Fills <paramref name="s"/>'s output tables for level <paramref name="l"/> under its prepared states.</summary>
    public static void Prepare(KernelLevel l, LevelScratch s, int mask)
    {
        int count = 0;
        for (int v = 0; v < Dim.Count; v++)
        {
            if ((mask & (1 << v)) == 0)
            {
                continue;
            }

            // A dimension's state is its last map's (MAESTRO keys states by name); its first map says whether it is spatial.
            int map = l.DirectiveOf[v], st = l.LastOf[v], actual = Dim.Output(v);
            s.OutputState[count] = st;
            for (int k = 0; k < s.StateCount[st]; k++)
            {
                (int position, bool edge) = Position(s, st, k);
                int at = ((3 * count) + k) * 5;
                if (!l.Spatial[map])
                {
                    long f = position switch
                    {
                        LevelScratch.Init => edge ? l.MappedEdge[actual] : l.Mapped[actual],
                        LevelScratch.Steady => l.Mapped[actual],
                        _ => l.MappedEdge[actual],
                    };
                    s.OutputFactor.AsSpan(at, 5).Fill(f);
                }
                else
                {
                    s.OutputFactor[at] = KernelTraffic.SpatialShare(l, position, edge, v, actual, true, false, true, false);
                    s.OutputFactor[at + 1] = KernelTraffic.SpatialShare(l, position, edge, v, actual, false, false, true, false);
                    s.OutputFactor[at + 2] = KernelTraffic.SpatialShare(l, position, edge, v, actual, true, true, true, false);
                    s.OutputFactor[at + 3] = KernelTraffic.SpatialShare(l, position, edge, v, actual, false, true, true, false);
                    s.OutputFactor[at + 4] = KernelTraffic.SpatialShare(l, position, edge, v, actual, false, true, false, false);
                }
            }

            count++;
        }

        s.OutputCount = count;
        count = 0;
        for (int i = 0; i < l.Count; i++)
        {
            int v = l.Var[i];
            if ((mask & (1 << v)) != 0)
            {
                continue;
            }

            int st = l.LastOf[v];
            s.SumState[count] = st;
            for (int k = 0; k < s.StateCount[st]; k++)
            {
                (int position, bool edge) = Position(s, st, k);
                int at = ((3 * count) + k) * 3;
                if (!l.Spatial[i])
                {
                    s.SumFactor.AsSpan(at, 3).Fill(edge ? l.MappedEdge[v] : l.Mapped[v]);
                }
                else
                {
                    s.SumFactor[at] = KernelTraffic.SpatialShare(l, position, edge, v, v, true, false, true, true);
                    s.SumFactor[at + 1] = KernelTraffic.SpatialShare(l, position, edge, v, v, true, true, true, true);
                    s.SumFactor[at + 2] = KernelTraffic.SpatialShare(l, position, edge, v, v, false, true, true, true);
                }
            }

            count++;
        }

        s.SumCount = count;
        Fold(s.OutputFactor, s.OutputState, ref s.OutputCount, s.OutputBase, 5, s);
        Fold(s.SumFactor, s.SumState, ref s.SumCount, s.SumBase, 3, s);
    }

    /// <summary>
    /// Multiplies the entries whose deciding map has one position (the same in every case) into
    /// <paramref name="constant"/> and keeps only the others, so a case multiplies just the moving maps' factors.
    /// </summary>
    private static void Fold(long[] factor, int[] state, ref int count, long[] constant, int variants, LevelScratch s)
    {
        constant.AsSpan(0, variants).Fill(1);
        int kept = 0;
        for (int e = 0; e < count; e++)
        {
            if (s.StateCount[state[e]] == 1)
            {
                for (int j = 0; j < variants; j++)
                {
                    constant[j] *= factor[3 * e * variants + j];
                }

                continue;
            }

            if (kept != e)
            {
                state[kept] = state[e];
                Array.Copy(factor, 3 * e * variants, factor, 3 * kept * variants, 3 * variants);
            }

            kept++;
        }

        count = kept;
    }

    /// <summary>Map <paramref name="map"/>'s k-th position and whether it is at an edge (an Edge, or an Init that is one).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (int Position, bool Edge) Position(LevelScratch s, int map, int k)
    {
        int at = (3 * map) + k;
        int position = s.Position[at];
        return (position, position == LevelScratch.Edge || s.InitEdge[at]);
    }
}
