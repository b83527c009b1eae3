namespace Gandse.CostModels.Maestro.Analysis;

/// <summary>
/// What one sub-cluster holds and receives at a cluster level (MAESTRO's ReuseAnalysis), from the level's static
/// dimensions: per map, the indices a step maps, the ones new at each step (unique: the offset, or none when a
/// temporal map covers its whole dimension), and the same for the last, partial step (edge). Output dimensions
/// Y' and X' get theirs from Y and X less the filter. The volumes per case (<see cref="ReuseTraffic"/>) multiply
/// these as MAESTRO does, quirks included. A name never set reads as 0, as std::map's [] gives.
/// </summary>
internal sealed class ReuseVolumes
{
    private readonly Dictionary<string, long> _mapped = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _unique = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _mappedEdge = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _uniqueEdge = new(StringComparer.Ordinal);

    public ReuseVolumes(ClusterLevel level)
    {
        Level = level;
        DimensionTable dimensions = level.Dimensions;
        foreach (MapDirective map in level.Dataflow)
        {
            int size = map.Size, offset = map.Offset, dimension = dimensions.Size(map.Variable);
            int steady = Math.Max((dimension - size) / offset, 0);
            bool hasEdge = (steady * offset) + size < dimension || size > dimension;
            _mapped[map.Variable] = size;
            _unique[map.Variable] = map.IsTemporal && dimension <= size ? 0 : Math.Min(size, offset);
            int edgeSize = dimension - ((steady + 1) * offset);
            edgeSize = edgeSize < 0 ? dimension : edgeSize;
            _mappedEdge[map.Variable] = hasEdge ? edgeSize : size;
            _uniqueEdge[map.Variable] = Math.Max(offset - (size - edgeSize), 0);
        }

        foreach (MapDirective map in level.Dataflow)
        {
            if (dimensions.IsOverlapped(map.Variable) && !dimensions.IsSliding(map.Variable))
            {
                string sliding = dimensions.CounterPart(map.Variable);
                string output = map.Variable == "Y" ? "Y'" : "X'";
                _mapped[output] = Mapped(map.Variable) - Mapped(sliding) + 1;
                _unique[output] = Math.Min(map.Offset, map.Size);
                _mappedEdge[output] = MappedEdge(map.Variable) - MappedEdge(sliding) + 1;
                _uniqueEdge[output] = Math.Min(map.Offset, MappedEdge(output));
            }
        }
    }

    public ClusterLevel Level { get; }

    public long Mapped(string variable) => _mapped.GetValueOrDefault(variable);

    public long Unique(string variable) => _unique.GetValueOrDefault(variable);

    public long MappedEdge(string variable) => _mappedEdge.GetValueOrDefault(variable);

    public long UniqueEdge(string variable) => _uniqueEdge.GetValueOrDefault(variable);

    public bool HasMapped(string variable) => _mapped.ContainsKey(variable);

    /// <summary>Indices of a tensor one sub-cluster holds at a step: the product of its dimensions' mapped sizes (MAESTRO's GetMappedVolume).</summary>
    public long MappedVolume(MaestroTensor tensor) =>
        tensor.Coupled.Where(HasMapped).Aggregate(1L, (product, v) => product * Mapped(v));

    /// <summary>
    /// The dimensions one sub-cluster sees in <paramref name="iteration"/> (MAESTRO's ConstructSubClusterDimension):
    /// each map's size, or its edge size where the case is at an edge; the outputs Y', X' derived; the overlaps kept.
    /// </summary>
    public DimensionTable SubClusterDimensions(IterationCase iteration, bool edgeEdge)
    {
        var table = new DimensionTable();
        foreach (MapDirective map in Level.Dataflow)
        {
            IterationState state = iteration[map.Variable];
            long size;
            if (map.IsTemporal)
            {
                size = state.IsEdge ? MappedEdge(map.Variable) : Mapped(map.Variable);
            }
            else
            {
                bool edgeShare = Level.EdgeClusters == 1 || edgeEdge;
                size = state.Position switch
                {
                    IterationPosition.Init => state.IsEdge && edgeShare ? MappedEdge(map.Variable) : Mapped(map.Variable),
                    IterationPosition.Steady => Mapped(map.Variable),
                    _ => edgeShare ? MappedEdge(map.Variable) : Mapped(map.Variable),
                };
            }

            table.Add(map.Variable, (int)size, Level.Dimensions.Stride(map.Variable));
        }

        foreach (MapDirective map in Level.Dataflow)
        {
            if (map.Variable == "Y")
            {
                table.Add("Y'", table.Size("Y") - table.Size("R") + 1);
            }
            else if (map.Variable == "X")
            {
                table.Add("X'", table.Size("X") - table.Size("S") + 1);
            }

            if (Level.Dimensions.IsOverlapped(map.Variable) && !Level.Dimensions.IsSliding(map.Variable))
            {
                table.AddOverlap(map.Variable, Level.Dimensions.CounterPart(map.Variable));
            }
        }

        return table;
    }
}
