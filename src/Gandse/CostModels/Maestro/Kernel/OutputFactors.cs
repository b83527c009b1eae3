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
        long[] output = s.OutputBase, sums = s.SumBase;
        output[0] = output[1] = output[2] = output[3] = output[4] = 1;
        sums[0] = sums[1] = sums[2] = 1;
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
                    long[] table = s.OutputFactor;
                    table[at] = table[at + 1] = table[at + 2] = table[at + 3] = table[at + 4] = f;
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

            count = Keep(s.OutputFactor, s.OutputBase, 5, count, s.StateCount[st]);
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
                    long f = edge ? l.MappedEdge[v] : l.Mapped[v];
                    s.SumFactor[at] = s.SumFactor[at + 1] = s.SumFactor[at + 2] = f;
                }
                else
                {
                    s.SumFactor[at] = KernelTraffic.SpatialShare(l, position, edge, v, v, true, false, true, true);
                    s.SumFactor[at + 1] = KernelTraffic.SpatialShare(l, position, edge, v, v, true, true, true, true);
                    s.SumFactor[at + 2] = KernelTraffic.SpatialShare(l, position, edge, v, v, false, true, true, true);
                }
            }

            count = Keep(s.SumFactor, s.SumBase, 3, count, s.StateCount[st]);
        }

        s.SumCount = count;
    }

    /// <summary>
    /// Keeps the entry just written at <paramref name="count"/> when its deciding map has more than one position, or
    /// multiplies it into <paramref name="constant"/> when it has one (the same in every case; the slot is then
    /// written over by the next entry), so a case multiplies just the moving maps' factors. Returns the entries kept.
    /// </summary>
    private static int Keep(long[] factor, long[] constant, int variants, int count, int states)
    {
        if (states > 1)
        {
            return count + 1;
        }

        int at = 3 * count * variants;
        for (int j = 0; j < variants; j++)
        {
            constant[j] *= factor[at + j];
        }

        return count;
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
