using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Gandse.CostModels.Maestro.Kernel;

/// <summary>
/// The reference's <see cref="Analysis.ReuseTraffic"/> on the kernel's arrays, for one case at one level: the output's
/// traffic (from <see cref="OutputFactors"/>' tables) and the sums over sub-clusters, which the input tensors' ingress
/// (<see cref="CaseTables"/>) shares. MAESTRO asks for a sub-cluster's volume as the first one, a later one and the
/// edge-edge one; every variant is kept side by side and summed as MAESTRO sums them. A case's state for a dimension
/// is that of the dimension's last map, as MAESTRO keys its states by name.
/// </summary>
internal static class KernelTraffic
{
    /// <summary>The innermost map that has moved on from its first step, or -1 (the case is all Init).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Changing(KernelLevel l, LevelScratch s)
    {
        // MAESTRO takes the last map whose state (its dimension's last map's) has moved. A map's state is at or after
        // it, so that map is the last moved state itself: the highest moved bit among the state maps.
        int moved = s.NonInitBits & l.StateMaps;
        return moved == 0 ? -1 : BitOperations.Log2((uint)moved);
    }

    /// <summary>
    /// The output's traffic in one case: what leaves all sub-clusters (MAESTRO's GetSpatialEgressTraffic), the partial
    /// sums on the critical path (GetNumCriticalPathPartialSums) and, when <paramref name="withMapping"/>, the partial
    /// sums over all sub-clusters (GetOutputTensorSpatialMappingSize with partial sums).
    /// </summary>
    public static (long Egress, long PartialSums, long Mapping) Output(KernelLevel l, LevelScratch s, int tensor, bool withMapping)
    {
        // Output dimensions' factor per variant: [first & !ee, !first & !ee, first & ee, !first & ee, !first & ee without reuse],
        // and the partial sums' over the maps the output does not use: [first & !ee, first & ee, !first & ee] (OutputFactors).
        long[] constant = s.OutputBase;
        long o0 = constant[0], o1 = constant[1], o2 = constant[2], o3 = constant[3], o4 = constant[4];
        // Unchecked reads: the tables are sized for every entry and state (LevelScratch); this loop runs once per case.
        ref long factor = ref MemoryMarshal.GetArrayDataReference(s.OutputFactor);
        ref int states = ref MemoryMarshal.GetArrayDataReference(s.State);
        ref int outputState = ref MemoryMarshal.GetArrayDataReference(s.OutputState);
        for (int d = 0; d < s.OutputCount; d++)
        {
            ref long f = ref Unsafe.Add(ref factor, ((3 * d) + Unsafe.Add(ref states, Unsafe.Add(ref outputState, d))) * 5);
            o0 *= f;
            o1 *= Unsafe.Add(ref f, 1);
            o2 *= Unsafe.Add(ref f, 2);
            o3 *= Unsafe.Add(ref f, 3);
            o4 *= Unsafe.Add(ref f, 4);
        }

        constant = s.SumBase;
        long p0 = constant[0], p2 = constant[1], p3 = constant[2];
        ref long sumFactor = ref MemoryMarshal.GetArrayDataReference(s.SumFactor);
        ref int sumState = ref MemoryMarshal.GetArrayDataReference(s.SumState);
        for (int m = 0; m < s.SumCount; m++)
        {
            ref long f = ref Unsafe.Add(ref sumFactor, ((3 * m) + Unsafe.Add(ref states, Unsafe.Add(ref sumState, m))) * 3);
            p0 *= f;
            p2 *= Unsafe.Add(ref f, 1);
            p3 *= Unsafe.Add(ref f, 2);
        }

        long egress = Spread(l, s, tensor, o0, o1, o2, o3);
        (bool spatial, bool edge, int last) = SpatialOf(l, s, tensor);
        bool criticalEdgeEdge = spatial && edge && l.EdgeClusters == 1 && s.IsEdgeEdge[last];
        long partialSums = criticalEdgeEdge ? p2 * o2 : p0 * o0;
        long mapping = 0;
        if (withMapping)
        {
            (bool anySpatial, bool anyEdge, int anyLast) = SpatialOfAll(l, s);
            if (!anySpatial || !anyEdge)
            {
                mapping = l.Clusters * p0 * o0;
            }
            else
            {
                bool edgeEdge = s.IsEdgeEdge[anyLast];
                int edgeClusters = l.EdgeClusters;
                mapping = edgeClusters == 1 && edgeEdge ? p2 * o2 : p0 * o0;
                if (edgeClusters > 1)
                {
                    int edgeEdgeCount = edgeEdge ? 1 : 0;
                    int full = Math.Max(edgeClusters - edgeEdgeCount - 1, 0);
                    mapping += (full * p0 * o0) + (edgeEdgeCount * p3 * o4);
                }
            }
        }

        return (egress, partialSums, mapping);
    }

    /// <summary>A per-sub-cluster volume's variants summed as MAESTRO sums ingress and egress over sub-clusters.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Spread(KernelLevel l, LevelScratch s, int tensor, long firstPlain, long laterPlain, long firstEdgeEdge, long laterEdgeEdge)
    {
        (bool spatial, bool edge, int last) = SpatialOf(l, s, tensor);
        if (!spatial)
        {
            return firstPlain;
        }

        if (!edge)
        {
            return firstPlain + ((l.Clusters - 1) * laterPlain);
        }

        bool edgeEdge = s.IsEdgeEdge[last];
        int edgeClusters = l.EdgeClusters;
        long volume = edgeClusters == 1 && edgeEdge ? firstEdgeEdge : firstPlain;
        if (edgeClusters > 1)
        {
            int edgeEdgeCount = edgeEdge ? 1 : 0;
            int full = Math.Max(edgeClusters - edgeEdgeCount - 1, 0);
            volume += (full * laterPlain) + (edgeEdgeCount * laterEdgeEdge);
        }

        return volume;
    }

    // Inlined so that each call's constant flags fold away (OutputFactors asks for five variants of each position of an output dimension, three of any other map).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static long SpatialShare(KernelLevel l, int position, bool isEdge, int variable, int actual, bool first, bool edgeEdge, bool reuseAtEdge, bool partialSums)
    {
        long uniqueOrOne = l.Unique[actual] != 0 ? l.Unique[actual] : 1;
        int active = l.EdgeClusters;
        switch (position)
        {
            case LevelScratch.Init:
                if (isEdge && edgeEdge)
                {
                    if (active == 1)
                    {
                        return l.MappedEdge[actual];
                    }

                    return active > 1 ? (partialSums || !reuseAtEdge ? l.MappedEdge[actual] : l.UniqueEdge[actual]) : 1;
                }

                return first ? l.Mapped[actual] : uniqueOrOne;
            case LevelScratch.Steady:
                return first ? l.Mapped[actual] : uniqueOrOne;
            default:
                if (active == 1 && (first || edgeEdge))
                {
                    return l.MappedEdge[variable];
                }

                if (active > 1)
                {
                    return edgeEdge ? l.UniqueEdge[actual] : first ? l.Mapped[actual] : uniqueOrOne;
                }

                return 1;
        }
    }

    /// <summary>Whether a tensor's dimensions are spatially mapped, whether at an edge, and the last such state (tabled per level).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (bool Spatial, bool Edge, int Last) SpatialOf(KernelLevel l, LevelScratch s, int tensor) =>
        (l.TensorSpatial[tensor], (l.TensorEdgeStates[tensor] & s.EdgeBits) != 0, l.TensorLast[tensor]);

    /// <summary>As <see cref="SpatialOf"/> for the output, then over every spatial map of the level (MAESTRO's partial-sum mapping).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (bool Spatial, bool Edge, int Last) SpatialOfAll(KernelLevel l, LevelScratch s) =>
        (l.AllSpatial, (l.AllEdgeStates & s.EdgeBits) != 0, l.AllLast);
}
