namespace Gandse.CostModels.Maestro;

/// <summary>
/// One directive of a dataflow with its sizes resolved to numbers: a map of <see cref="Variable"/> (a layer dimension
/// such as K, C, Y, X, R, S, or an output dimension Y', X') by <see cref="Size"/> indices at a time, moving by
/// <see cref="Offset"/>; or a cluster of <see cref="Size"/> sub-clusters (offset 0, no variable).
/// </summary>
public sealed record MaestroDirective(DirectiveKind Kind, int Size, int Offset, string Variable)
{
    /// <summary>The directive as MAESTRO's mapping files write it.</summary>
    public override string ToString() => Kind switch
    {
        DirectiveKind.Cluster => $"Cluster({Size}, P);",
        DirectiveKind.SpatialMap => $"SpatialMap({Size},{Offset}) {Variable};",
        _ => $"TemporalMap({Size},{Offset}) {Variable};",
    };
}
