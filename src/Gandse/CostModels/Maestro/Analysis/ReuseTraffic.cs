namespace Gandse.CostModels.Maestro.Analysis;

/// <summary>
/// A cluster level's traffic in one case (MAESTRO's ReuseAnalysis queries): what enters the sub-clusters for an
/// input tensor (what changed since the last step, less what the neighbouring sub-cluster already received), what
/// leaves them for the output, and the partial sums on the critical path. A sub-cluster is the first (it loads its
/// whole share), a later one (it loads only what the one before did not), or the edge-edge one (a partial share
/// on the spatial edge).
/// </summary>
internal sealed class ReuseTraffic
{
    private readonly ReuseVolumes _v;
    private readonly ClusterLevel _level;

    public ReuseTraffic(ReuseVolumes volumes)
    {
        _v = volumes;
        _level = volumes.Level;
    }

    /// <summary>What a sub-cluster holds of <paramref name="tensor"/> in the case (MAESTRO's GetPEMappedVolume).</summary>
    public long PeMapped(MaestroTensor tensor, IterationCase iteration, bool first, bool edgeEdge)
    {
        long volume = 1;
        foreach (MapDirective map in _level.Dataflow)
        {
            if (!tensor.Uses(map.Variable))
            {
                continue;
            }

            IterationState state = iteration[map.Variable];
            string v = map.Variable;
            if (map.IsTemporal)
            {
                volume *= state.IsEdge ? _v.MappedEdge(v) : _v.Mapped(v);
            }
            else if (state.IsEdge)
            {
                int active = _level.EdgeClusters;
                if (active == 1 && (first || edgeEdge))
                {
                    volume *= _v.MappedEdge(v);
                }
                else if (active > 1)
                {
                    volume *= edgeEdge ? _v.MappedEdge(v) : _v.Mapped(v);
                }
            }
            else
            {
                volume *= _v.Mapped(v);
            }
        }

        return volume;
    }

    /// <summary>What enters one sub-cluster for an input tensor in the case (MAESTRO's GetPEIngressVolume).</summary>
    public long PeIngress(MaestroTensor tensor, IterationCase iteration, bool first = true, bool edgeEdge = false)
    {
        // The innermost map that has moved on from its first step: what changed this step.
        int changing = -1;
        for (int i = 0; i < _level.Dataflow.Count; i++)
        {
            if (iteration[_level.Dataflow[i].Variable].Position != IterationPosition.Init)
            {
                changing = i;
            }
        }

        if (changing == -1)
        {
            return PeMapped(tensor, iteration, first, edgeEdge);
        }

        bool inited = false;
        for (int i = changing + 1; i < _level.Dataflow.Count; i++)
        {
            MapDirective map = _level.Dataflow[i];
            IterationState state = iteration[map.Variable];
            if (state.Position == IterationPosition.Init && tensor.Uses(map.Variable) && !state.Unrolled)
            {
                inited = true;
                break;
            }
        }

        long volume = 1;
        bool tensorChanges = false;
        for (int i = 0; i < _level.Dataflow.Count; i++)
        {
            MapDirective map = _level.Dataflow[i];
            string v = map.Variable;
            if (!tensor.Uses(v))
            {
                continue;
            }

            IterationState state = iteration[v];
            bool isChanging = i == changing, isReset = i > changing;
            tensorChanges |= isChanging;
            if (map.IsTemporal)
            {
                if (state.Position == IterationPosition.Init)
                {
                    volume *= state.IsEdge ? _v.MappedEdge(v) : _v.Mapped(v);
                }
                else if (isChanging && !inited)
                {
                    if (_v.Unique(v) == 0)
                    {
                        throw new MaestroAnalysisException($"the temporal map over {v} moves but brings nothing new");
                    }

                    volume *= _v.Unique(v);
                }
                else
                {
                    volume *= _v.Mapped(v);
                }
            }
            else
            {
                long mapped = edgeEdge ? _v.MappedEdge(v) : _v.Mapped(v);
                long unique = edgeEdge ? _v.UniqueEdge(v) : _v.Unique(v);
                if (first)
                {
                    volume *= mapped;
                }
                else if (state.Position == IterationPosition.Init)
                {
                    volume *= !isReset ? mapped : unique;
                }
                else
                {
                    volume *= !inited && isChanging ? unique : mapped;
                }
            }
        }

        return tensorChanges ? volume : 0;
    }

    /// <summary>What enters all sub-clusters for an input tensor in the case (MAESTRO's GetSpatialIngressTraffic).</summary>
    public long SpatialIngress(MaestroTensor tensor, IterationCase iteration) =>
        Spread(tensor, iteration, (first, edgeEdge) => PeIngress(tensor, iteration, first, edgeEdge), alignedWithFirst: false);

    /// <summary>What leaves one sub-cluster of the output (or, with <paramref name="partialSums"/>, the partial sums it computes), MAESTRO's GetPEEgressVolume.</summary>
    public long PeEgress(MaestroTensor output, IterationCase iteration, bool partialSums, bool first = true, bool edgeEdge = false, bool reuseAtEdge = true)
    {
        long volume = 1;
        if (partialSums)
        {
            foreach (MapDirective map in _level.Dataflow)
            {
                string v = map.Variable;
                if (output.Uses(v))
                {
                    continue;
                }

                IterationState state = iteration[v];
                if (map.IsTemporal)
                {
                    volume *= state.IsEdge ? _v.MappedEdge(v) : _v.Mapped(v);
                }
                else
                {
                    volume *= SpatialShare(state, v, v, first, edgeEdge, reuseAtEdge: true, edgeReads: v, partialSumsQuirk: true);
                }
            }
        }

        foreach (string v in output.Coupled)
        {
            MapDirective map = _level.Dataflow[_level.IndexOf(v)];
            IterationState state = iteration[v];
            string actual = v == "Y" ? "Y'" : v == "X" ? "X'" : v;
            if (map.IsTemporal)
            {
                volume *= state.Position switch
                {
                    IterationPosition.Init => state.IsEdge ? _v.MappedEdge(actual) : _v.Mapped(actual),
                    IterationPosition.Steady => _v.Mapped(actual),
                    _ => _v.MappedEdge(actual),
                };
            }
            else
            {
                volume *= SpatialShare(state, v, actual, first, edgeEdge, reuseAtEdge, edgeReads: v, partialSumsQuirk: false);
            }
        }

        return volume;
    }

    /// <summary>What leaves all sub-clusters of the output in the case (MAESTRO's GetSpatialEgressTraffic).</summary>
    public long SpatialEgress(MaestroTensor output, IterationCase iteration) =>
        Spread(output, iteration, (first, edgeEdge) => PeEgress(output, iteration, false, first, edgeEdge), alignedWithFirst: false);

    /// <summary>Partial sums on the critical path: those of the first sub-cluster (MAESTRO's GetNumCriticalPathPartialSums).</summary>
    public long CriticalPathPartialSums(MaestroTensor output, IterationCase iteration)
    {
        (bool spatial, bool edge, IterationState? state) = SpatialOf(output, iteration, allMaps: false);
        bool edgeEdge = spatial && edge && _level.EdgeClusters == 1 && state!.SpatialEdgeEdge;
        return PeEgress(output, iteration, true, true, edgeEdge);
    }

    /// <summary>
    /// Output indices (or, with <paramref name="partialSums"/>, partial sums) over all sub-clusters in the case
    /// (MAESTRO's GetOutputTensorSpatialMappingSize): a full step counts every sub-cluster as the first.
    /// </summary>
    public long OutputSpatialMapping(MaestroTensor output, IterationCase iteration, bool partialSums)
    {
        (bool spatial, bool edge, IterationState? state) = SpatialOf(output, iteration, allMaps: partialSums);
        int clusters = _level.Size;
        if (!spatial || !edge)
        {
            return clusters * PeEgress(output, iteration, partialSums);
        }

        bool edgeEdge = state!.SpatialEdgeEdge;
        int edgeClusters = _level.EdgeClusters;
        long volume = edgeClusters == 1 && edgeEdge ? PeEgress(output, iteration, partialSums, true, true) : PeEgress(output, iteration, partialSums, true, false);
        if (edgeClusters > 1)
        {
            int edgeEdgeCount = edgeEdge ? 1 : 0;
            int full = Math.Max(edgeClusters - edgeEdgeCount - 1, 0);
            volume += full * PeEgress(output, iteration, partialSums, true, false);
            volume += edgeEdgeCount * PeEgress(output, iteration, partialSums, false, true, reuseAtEdge: false);
        }

        return volume;
    }

    /// <summary>
    /// A spatially mapped dimension's factor for one sub-cluster (the shared switch of MAESTRO's GetPEEgressVolume):
    /// <paramref name="actual"/> is the dimension whose sizes are read (Y' for Y, say); at a spatial edge with one
    /// active sub-cluster MAESTRO reads <paramref name="edgeReads"/> instead. A unique count of 0 multiplies by 1.
    /// </summary>
    private long SpatialShare(IterationState state, string variable, string actual, bool first, bool edgeEdge, bool reuseAtEdge, string edgeReads, bool partialSumsQuirk)
    {
        long UniqueOrOne(string v) => _v.Unique(v) != 0 ? _v.Unique(v) : 1;
        int active = _level.EdgeClusters;
        switch (state.Position)
        {
            case IterationPosition.Init:
                if (state.IsEdge && edgeEdge)
                {
                    if (active == 1)
                    {
                        return _v.MappedEdge(actual);
                    }

                    if (active > 1)
                    {
                        return edgeEdge ? (partialSumsQuirk || !reuseAtEdge ? _v.MappedEdge(actual) : _v.UniqueEdge(actual)) : first ? _v.Mapped(actual) : UniqueOrOne(actual);
                    }

                    return 1;
                }

                return first ? _v.Mapped(actual) : UniqueOrOne(actual);
            case IterationPosition.Steady:
                return first ? _v.Mapped(actual) : UniqueOrOne(actual);
            default:
                if (active == 1 && (first || edgeEdge))
                {
                    return _v.MappedEdge(edgeReads);
                }

                if (active > 1)
                {
                    return edgeEdge ? _v.UniqueEdge(actual) : first ? _v.Mapped(actual) : UniqueOrOne(actual);
                }

                return 1;
        }
    }

    /// <summary>Whether a tensor's dimensions (or, with <paramref name="allMaps"/>, the level's maps) are spatially mapped, whether at an edge, and the last such state.</summary>
    private (bool Spatial, bool Edge, IterationState? State) SpatialOf(MaestroTensor tensor, IterationCase iteration, bool allMaps)
    {
        bool spatial = false, edge = false;
        IterationState? last = null;
        foreach (string v in tensor.Coupled)
        {
            if (_level.Find(v) is { IsSpatial: true })
            {
                spatial = true;
                last = iteration[v];
                edge |= last.IsEdge;
            }
        }

        if (allMaps)
        {
            foreach (MapDirective map in _level.Dataflow.Where(d => d.IsSpatial))
            {
                spatial = true;
                last = iteration[map.Variable];
                edge |= last.IsEdge;
            }
        }

        return (spatial, edge, last);
    }

    /// <summary>
    /// A per-sub-cluster volume summed over the sub-clusters as MAESTRO's ingress and egress traffic do: the first
    /// and the N − 1 others on a full step; on a spatial edge the first (the edge-edge one when it is alone), the
    /// full ones and the edge-edge one.
    /// </summary>
    private long Spread(MaestroTensor tensor, IterationCase iteration, Func<bool, bool, long> perCluster, bool alignedWithFirst)
    {
        (bool spatial, bool edge, IterationState? state) = SpatialOf(tensor, iteration, allMaps: false);
        if (!spatial)
        {
            return perCluster(true, false);
        }

        if (!edge)
        {
            return perCluster(true, false) + ((_level.Size - 1) * perCluster(false, false));
        }

        bool edgeEdge = state!.SpatialEdgeEdge;
        int edgeClusters = _level.EdgeClusters;
        long volume = edgeClusters == 1 && edgeEdge ? perCluster(true, true) : perCluster(true, false);
        if (edgeClusters > 1)
        {
            int edgeEdgeCount = edgeEdge ? 1 : 0;
            int full = Math.Max(edgeClusters - edgeEdgeCount - 1, 0);
            volume += (full * perCluster(alignedWithFirst, false)) + (edgeEdgeCount * perCluster(false, true));
        }

        return volume;
    }
}
