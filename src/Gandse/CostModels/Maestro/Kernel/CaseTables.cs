using System.Runtime.CompilerServices;
using System.Numerics;

namespace Gandse.CostModels.Maestro.Kernel;

/// <summary>
/// What a level's cases need of the input tensors' ingress and of the sub-cluster edge selection, tabled once per
/// analysis so that a case looks them up instead of walking the maps.
/// <para>
/// Ingress (MAESTRO's GetSpatialIngressTraffic, <see cref="Analysis.ReuseTraffic"/>) depends on the case through the
/// changing map c, the innermost map whose state is not Init. Every map after c is then at Init, so whether a later map
/// starts over (Init, not unrolled) is fixed by c, and so is every factor but one kind: a temporal map before c whose
/// Init is an edge gives its edge size at Init and its full size elsewhere. Per tensor and c the table keeps the four
/// per-sub-cluster variants' fixed product, those maps as a bit set, and whether the case is refused (the map that
/// moves brings nothing new); products are the same integers in another order.
/// </para>
/// <para>
/// The selection (which dimensions pass their edge size to a sub-cluster) is per dimension a function of its state
/// and of whether the sub-cluster takes an edge share, so it is an OR over the moving states of tabled bits.
/// </para>
/// </summary>
internal static class CaseTables
{
    /// <summary>The table row of the case with no map moved (c = -1).</summary>
    public const int AllInit = 16;

    /// <summary>
    /// Fills <paramref name="s"/>'s ingress tables for level <paramref name="l"/> under its prepared states, and its
    /// selection tables when <paramref name="hasSubClusters"/> (the innermost level has none to select for).
    /// </summary>
    public static void Prepare(KernelLevel l, LevelScratch s, bool hasSubClusters)
    {
        for (int t = 0; t < 2; t++)
        {
            PrepareAllInit(l, s, t);
            for (int c = 0; c < l.Count; c++)
            {
                if (l.StateOf[c] == c && s.StateCount[c] > 1 && (l.TensorMaps[t] & (1 << c)) != 0)
                {
                    PrepareChanging(l, s, t, c);
                }
            }
        }

        if (hasSubClusters)
        {
            PrepareSelection(l, s);
        }
    }

    /// <summary>Tensor <paramref name="tensor"/>'s ingress in the current case, whose changing map is <paramref name="changing"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Ingress(KernelLevel l, LevelScratch s, int tensor, int changing)
    {
        int row = (tensor * (AllInit + 1)) + (changing < 0 ? AllInit : changing);
        if (changing >= 0)
        {
            if ((l.TensorMaps[tensor] & (1 << changing)) == 0)
            {
                // The map that moved does not index this tensor: nothing new enters (MAESTRO walks the maps to find so,
                // and nothing on that walk can refuse the case, as only the moving map's own step can).
                return 0;
            }

            if (s.IngressRefused[row])
            {
                throw new Analysis.MaestroAnalysisException($"the temporal map over dimension {l.Var[changing]} moves but brings nothing new");
            }
        }

        long scale = 1;
        for (int rest = s.IngressInitEdge[row]; rest != 0; rest &= rest - 1)
        {
            int i = BitOperations.TrailingZeroCount(rest), v = l.Var[i];
            scale *= (s.NonInitBits & (1 << l.StateOf[i])) != 0 ? l.Mapped[v] : l.MappedEdge[v];
        }

        int at = row * 4;
        long[] f = s.IngressFactor;
        return KernelTraffic.Spread(l, s, tensor, f[at] * scale, f[at + 1] * scale, f[at + 2] * scale, f[at + 3] * scale);
    }

    /// <summary>The current case's edge selection for a sub-cluster that does (or does not) take an edge share.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Selection(LevelScratch s, bool edgeShare)
    {
        int e = edgeShare ? 1 : 0, selection = s.SelectionBase[e];
        for (int m = 0; m < s.SelectionMovingCount; m++)
        {
            int st = s.SelectionMoving[m];
            selection |= s.SelectionBits[(e * 48) + (3 * st) + s.State[st]];
        }

        return selection;
    }

    private static void PrepareAllInit(KernelLevel l, LevelScratch s, int tensor)
    {
        long v0 = 1, v1 = 1, v2 = 1, v3 = 1;
        for (int rest = l.TensorMaps[tensor]; rest != 0; rest &= rest - 1)
        {
            int i = BitOperations.TrailingZeroCount(rest), v = l.Var[i];
            bool edge = s.InitEdge[3 * l.StateOf[i]];
            if (!l.Spatial[i])
            {
                long f = edge ? l.MappedEdge[v] : l.Mapped[v];
                (v0, v1, v2, v3) = (v0 * f, v1 * f, v2 * f, v3 * f);
            }
            else if (!edge)
            {
                (v0, v1, v2, v3) = (v0 * l.Mapped[v], v1 * l.Mapped[v], v2 * l.Mapped[v], v3 * l.Mapped[v]);
            }
            else if (l.EdgeClusters == 1)
            {
                (v0, v2, v3) = (v0 * l.MappedEdge[v], v2 * l.MappedEdge[v], v3 * l.MappedEdge[v]);
            }
            else if (l.EdgeClusters > 1)
            {
                (v0, v1, v2, v3) = (v0 * l.Mapped[v], v1 * l.Mapped[v], v2 * l.MappedEdge[v], v3 * l.MappedEdge[v]);
            }
        }

        Store(s, (tensor * (AllInit + 1)) + AllInit, v0, v1, v2, v3, initEdge: 0, refused: false);
    }

    private static void PrepareChanging(KernelLevel l, LevelScratch s, int tensor, int changing)
    {
        int maps = l.TensorMaps[tensor];
        // Whether a later map of the tensor starts over (Init, not unrolled): then the moving map's data is not new.
        bool inited = false;
        for (int rest = maps & ~((2 << changing) - 1); rest != 0; rest &= rest - 1)
        {
            inited |= !s.Unrolled[3 * l.StateOf[BitOperations.TrailingZeroCount(rest)]];
        }

        long v0 = 1, v1 = 1, v2 = 1, v3 = 1;
        int initEdge = 0;
        bool refused = false;
        for (int rest = maps; rest != 0; rest &= rest - 1)
        {
            int i = BitOperations.TrailingZeroCount(rest), v = l.Var[i], st = l.StateOf[i];
            bool edgeAtInit = s.InitEdge[3 * st];
            if (!l.Spatial[i])
            {
                long f;
                if (i > changing)
                {
                    f = edgeAtInit ? l.MappedEdge[v] : l.Mapped[v];
                }
                else if (i == changing && !inited)
                {
                    refused = l.Unique[v] == 0;
                    f = l.Unique[v];
                }
                else if (i < changing && edgeAtInit && s.StateCount[st] > 1 && l.MappedEdge[v] != l.Mapped[v])
                {
                    // Edge size while the map's state is at Init, full size elsewhere: decided per case.
                    initEdge |= 1 << i;
                    f = 1;
                }
                else
                {
                    // Before c with one state (Init) or no edge at Init, or c itself when a later map starts over.
                    f = i < changing && edgeAtInit ? l.MappedEdge[v] : l.Mapped[v];
                }

                (v0, v1, v2, v3) = (v0 * f, v1 * f, v2 * f, v3 * f);
            }
            else
            {
                // First sub-clusters take the whole share; later ones what is new where the map moved.
                bool takesUnique = i > changing || (i == changing && !inited);
                v0 *= l.Mapped[v];
                v1 *= takesUnique ? l.Unique[v] : l.Mapped[v];
                v2 *= l.MappedEdge[v];
                v3 *= takesUnique ? l.UniqueEdge[v] : l.MappedEdge[v];
            }
        }

        Store(s, (tensor * (AllInit + 1)) + changing, v0, v1, v2, v3, initEdge, refused);
    }

    private static void Store(LevelScratch s, int row, long v0, long v1, long v2, long v3, int initEdge, bool refused)
    {
        int at = row * 4;
        (s.IngressFactor[at], s.IngressFactor[at + 1], s.IngressFactor[at + 2], s.IngressFactor[at + 3]) = (v0, v1, v2, v3);
        s.IngressInitEdge[row] = initEdge;
        s.IngressRefused[row] = refused;
    }

    private static void PrepareSelection(KernelLevel l, LevelScratch s)
    {
        s.SelectionBase[0] = s.SelectionBase[1] = 0;
        s.SelectionBits.AsSpan(0, 3 * l.Count).Clear();
        s.SelectionBits.AsSpan(48, 3 * l.Count).Clear();
        for (int v = 0; v < Dim.Count; v++)
        {
            int i = l.DirectiveOf[v];
            if (i < 0)
            {
                continue;
            }

            // The dimension's first map decides, in the state of the dimension's last map (MAESTRO keys states by name):
            // a temporal map passes its edge size at an edge; a spatial one at its Edge, or at an Init that is an edge,
            // only to a sub-cluster taking an edge share.
            int st = l.LastOf[v], n = s.StateCount[st], bit = 1 << v;
            for (int k = 0; k < n; k++)
            {
                int at = (3 * st) + k, position = s.Position[at];
                bool stateEdge = position == LevelScratch.Edge || s.InitEdge[at];
                bool plain = !l.Spatial[i] && stateEdge;
                bool share = !l.Spatial[i] ? stateEdge : position == LevelScratch.Edge || (position == LevelScratch.Init && stateEdge);
                if (n == 1)
                {
                    s.SelectionBase[0] |= plain ? bit : 0;
                    s.SelectionBase[1] |= share ? bit : 0;
                }
                else
                {
                    s.SelectionBits[at] |= plain ? bit : 0;
                    s.SelectionBits[48 + at] |= share ? bit : 0;
                }
            }
        }

        s.SelectionMovingCount = 0;
        for (int st = 0; st < l.Count; st++)
        {
            if (l.StateOf[st] == st && s.StateCount[st] > 1)
            {
                s.SelectionMoving[s.SelectionMovingCount++] = st;
            }
        }
    }
}
