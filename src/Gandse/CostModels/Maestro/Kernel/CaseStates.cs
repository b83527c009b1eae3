using System.Runtime.CompilerServices;
using Gandse.CostModels.Maestro.Analysis;

namespace Gandse.CostModels.Maestro.Kernel;

/// <summary>
/// A level's maps' positions for the kernel's case walk (the reference's <see cref="IterationCases"/>): up to three
/// per map (Init, Steady, Edge) with their occurrences and edge flags, set from the dimensions the level was given,
/// and the current case's position of each map as the walk moves it, with the bit sets the per-case tables read.
/// </summary>
internal static class CaseStates
{
    /// <summary>Dimension <paramref name="v"/> as the level was given it; a missing one is MAESTRO's refusal.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Dimension(LevelScratch s, int v) => s.HasDims[v] ? s.Dims[v] : MissingDimension();

    // The throw kept out of line, so Dimension stays small enough to inline.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int MissingDimension() => throw new MaestroAnalysisException("a dimension is missing from a sub-cluster");

    /// <summary>Each map's positions under the level's given dimensions (the reference's <see cref="IterationCases"/>).</summary>
    public static void Prepare(KernelLevel l, LevelScratch s)
    {
        for (int i = 0; i < l.Count; i++)
        {
            int size = l.Size[i], offset = l.Offset[i], dimension = Dimension(s, l.Var[i]);
            int n = 0;
            if (!l.Spatial[i])
            {
                bool initEdge = dimension < size;
                Set(s, i, n++, LevelScratch.Init, 1, dimension <= size, initEdge, false);
                if (dimension <= size)
                {
                    // The map covers its dimension at once: no Steady or Edge, and no division to find that out.
                    s.StateCount[i] = n;
                    continue;
                }

                int steady = (dimension - size) / offset;
                if (size < dimension && steady > 0)
                {
                    Set(s, i, n++, LevelScratch.Steady, steady, false, false, false);
                }

                if (!initEdge && (steady * offset) + size < dimension)
                {
                    Set(s, i, n++, LevelScratch.Edge, 1, false, false, false);
                }
            }
            else
            {
                int clusters = l.Clusters;
                int coverage = size + (offset * (clusters - 1));
                bool initUnroll = dimension <= coverage, initEdge = dimension < coverage;
                Set(s, i, n++, LevelScratch.Init, 1, initUnroll, initEdge, initEdge);
                if (initUnroll)
                {
                    // The clusters cover the dimension at once: no Steady or Edge (as below, without the divisions).
                    s.StateCount[i] = n;
                    continue;
                }

                int steady = ((((dimension - size) / offset) + 1) / clusters) - 1;
                bool hasEdge = !initUnroll
                    && ((steady + 1) * offset * clusters) + coverage > dimension
                    && (steady * offset * clusters) + coverage != dimension;
                if (coverage < dimension && steady > 0)
                {
                    Set(s, i, n++, LevelScratch.Steady, steady, false, false, false);
                }

                int remaining = dimension - ((steady + 1) * offset * clusters);
                int active = remaining < size ? 1 : ((remaining - size) / offset) + 1;
                bool edgeEdge = ((active - 1) * offset) + size < remaining;
                if (!initEdge && hasEdge)
                {
                    Set(s, i, n++, LevelScratch.Edge, 1, false, false, edgeEdge);
                }
            }

            s.StateCount[i] = n;
        }
    }

    /// <summary>Map <paramref name="i"/>'s position in the current case: its state at <paramref name="at"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Move(LevelScratch s, int i, int at)
    {
        s.State[i] = at - (3 * i);
        int position = s.Position[at];
        s.IsEdgeEdge[i] = s.EdgeEdge[at];
        s.EdgeNow[i] = position == LevelScratch.Edge || s.InitEdge[at];
        int bit = 1 << i;
        s.EdgeBits = s.EdgeNow[i] ? s.EdgeBits | bit : s.EdgeBits & ~bit;
        s.NonInitBits = position != LevelScratch.Init ? s.NonInitBits | bit : s.NonInitBits & ~bit;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Set(LevelScratch s, int map, int k, int position, int occurrences, bool unrolled, bool initEdge, bool edgeEdge)
    {
        int at = (3 * map) + k;
        s.Position[at] = position;
        s.Occurrences[at] = occurrences;
        s.Unrolled[at] = unrolled;
        s.InitEdge[at] = initEdge;
        s.EdgeEdge[at] = edgeEdge;
    }
}
