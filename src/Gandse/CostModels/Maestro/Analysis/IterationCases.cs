namespace Gandse.CostModels.Maestro.Analysis;

/// <summary>
/// Every case of a cluster level (MAESTRO's IterationAnalysis): per map, its positions under the dimensions given
/// (those of the sub-cluster this analysis is for), then every combination of them, each occurring the product of
/// its positions' occurrences. MAESTRO enumerates them in an unusual order (each counter advances after it is read),
/// which is kept: the first case, all Init, sizes the buffers.
/// </summary>
internal static class IterationCases
{
    public static List<IterationCase> Of(DimensionTable dimensions, ClusterLevel level)
    {
        var perMap = new List<List<IterationState>>();
        foreach (MapDirective map in level.Dataflow)
        {
            perMap.Add(map.IsTemporal ? Temporal(map, dimensions.Size(map.Variable)) : Spatial(map, dimensions.Size(map.Variable), level.Size));
        }

        int total = perMap.Aggregate(1, (product, states) => product * states.Count);
        var frequency = new int[perMap.Count];
        int cumulative = 1;
        for (int d = perMap.Count - 1; d >= 0; d--)
        {
            frequency[d] = cumulative;
            cumulative *= perMap[d].Count;
        }

        var counters = new int[perMap.Count];
        var cases = new List<IterationCase>(total);
        for (int c = 0; c < total; c++)
        {
            var states = new Dictionary<string, IterationState>(StringComparer.Ordinal);
            int occurrences = 1;
            for (int d = 0; d < perMap.Count; d++)
            {
                IterationState state = perMap[d][counters[d]];
                states[state.Variable] = state;
                occurrences *= state.Occurrences;
                if (c % frequency[d] == 0)
                {
                    counters[d] = counters[d] + 1 == perMap[d].Count ? 0 : counters[d] + 1;
                }
            }

            cases.Add(new IterationCase(states, occurrences));
        }

        return cases;
    }

    private static List<IterationState> Temporal(MapDirective map, int dimension)
    {
        int size = map.Size, offset = map.Offset;
        bool initEdge = dimension < size;
        var states = new List<IterationState> { new(map.Variable, IterationPosition.Init, 1, dimension <= size, initEdge) };
        int steady = (dimension - size) / offset;
        if (size < dimension && steady > 0)
        {
            states.Add(new IterationState(map.Variable, IterationPosition.Steady, steady, false));
        }

        if (!initEdge && (steady * offset) + size < dimension)
        {
            states.Add(new IterationState(map.Variable, IterationPosition.Edge, 1, false));
        }

        return states;
    }

    private static List<IterationState> Spatial(MapDirective map, int dimension, int clusters)
    {
        int size = map.Size, offset = map.Offset;
        int coverage = size + (offset * (clusters - 1));
        bool initUnroll = dimension <= coverage, initEdge = dimension < coverage;
        var states = new List<IterationState> { new(map.Variable, IterationPosition.Init, 1, initUnroll, initEdge, initEdge) };
        int steady = ((((dimension - size) / offset) + 1) / clusters) - 1;
        bool hasEdge = !initUnroll
            && ((steady + 1) * offset * clusters) + coverage > dimension
            && (steady * offset * clusters) + coverage != dimension;
        if (coverage < dimension && steady > 0)
        {
            states.Add(new IterationState(map.Variable, IterationPosition.Steady, steady, false));
        }

        int remaining = dimension - ((steady + 1) * offset * clusters);
        int active = remaining < size ? 1 : ((remaining - size) / offset) + 1;
        bool edgeEdge = (active - 1) * offset + size < remaining;
        if (!initEdge && hasEdge)
        {
            states.Add(new IterationState(map.Variable, IterationPosition.Edge, 1, false, false, edgeEdge));
        }

        return states;
    }
}
