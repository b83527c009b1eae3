namespace Gandse.CostModels.Maestro.Analysis;

/// <summary>
/// One position of one map in a case (MAESTRO's IterationState): how often it occurs, whether the map covers the
/// whole dimension at its first step (unrolled), whether that first step is already partial (init edge), and, for a
/// spatial map, whether its partial step leaves one sub-cluster with a partial share (spatial edge-edge).
/// </summary>
internal sealed record IterationState(string Variable, IterationPosition Position, int Occurrences, bool Unrolled, bool InitEdge = false, bool SpatialEdgeEdge = false)
{
    public bool IsEdge => Position == IterationPosition.Edge || InitEdge;
}
