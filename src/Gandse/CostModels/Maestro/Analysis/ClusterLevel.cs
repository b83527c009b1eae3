namespace Gandse.CostModels.Maestro.Analysis;

/// <summary>
/// One cluster level after the dataflow is split at its Cluster directives: its directives (inherited and unrolled
/// ones included), the dimensions it works on, how many sub-clusters it drives, and the spatial edge: how many
/// sub-clusters the spatially mapped dimension still occupies on its last, partial pass (MAESTRO's
/// ClusterUnit::AnalyzeSpatialEdgeCase).
/// </summary>
internal sealed class ClusterLevel
{
    public ClusterLevel(int size, List<MapDirective> dataflow, DimensionTable dimensions)
    {
        Size = size;
        Dataflow = dataflow;
        Dimensions = dimensions;
        int spatial = dataflow.FindIndex(d => d.IsSpatial);
        if (spatial < 0)
        {
            throw new MaestroAnalysisException("a cluster level has no SpatialMap");
        }

        if (dataflow.Count(d => d.IsSpatial) > 2)
        {
            throw new MaestroAnalysisException("a cluster level has more than two SpatialMaps");
        }

        SpatialIndex = spatial;
        EdgeClusters = SpatialEdgeClusters(dataflow[spatial], dimensions.Size(dataflow[spatial].Variable), size);
    }

    /// <summary>Sub-clusters (PEs at the innermost level) this level drives.</summary>
    public int Size { get; }

    /// <summary>The level's directives, in order.</summary>
    public List<MapDirective> Dataflow { get; }

    /// <summary>The dimensions the level's static analysis uses.</summary>
    public DimensionTable Dimensions { get; }

    /// <summary>The first SpatialMap: the one the level's sub-clusters split.</summary>
    public int SpatialIndex { get; }

    /// <summary>Sub-clusters active in the spatial dimension's edge pass.</summary>
    public int EdgeClusters { get; }

    public MapDirective? Find(string variable) => Dataflow.FirstOrDefault(d => d.Variable == variable);

    public int IndexOf(string variable)
    {
        int index = Dataflow.FindIndex(d => d.Variable == variable);
        return index < 0 ? Dataflow.Count : index;
    }

    private static int SpatialEdgeClusters(MapDirective map, int dimension, int clusters)
    {
        int size = map.Size, offset = map.Offset;
        int fullCoverage = (offset * (clusters - 1)) + size;
        int edge;
        if (dimension > fullCoverage)
        {
            int steady = ((((dimension - size) / offset) + 1) / clusters) - 1;
            int remaining = dimension - ((steady + 1) * offset * clusters);
            edge = remaining < size ? 1 : ((remaining - size) / offset) + 1;
        }
        else if (dimension > size)
        {
            edge = ((dimension - size) / offset) + 1;
            if ((offset * (edge - 1)) + size < dimension)
            {
                edge++;
            }
        }
        else
        {
            edge = 1;
        }

        return dimension <= size ? 1 : edge;
    }
}
