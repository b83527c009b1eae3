namespace Gandse.CostModels.Maestro;

/// <summary>The three kinds of directive a MAESTRO dataflow is written in.</summary>
public enum DirectiveKind
{
    /// <summary>TemporalMap(size, offset) V: every sub-cluster sees the same <c>size</c> indices of V, stepping by <c>offset</c> over time.</summary>
    TemporalMap,

    /// <summary>SpatialMap(size, offset) V: sub-cluster i sees <c>size</c> indices of V starting at i · <c>offset</c>.</summary>
    SpatialMap,

    /// <summary>Cluster(size, P): the directives below it run inside groups of <c>size</c> PEs.</summary>
    Cluster,
}
