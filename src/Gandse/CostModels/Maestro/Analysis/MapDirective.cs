namespace Gandse.CostModels.Maestro.Analysis;

/// <summary>
/// A directive while the analysis rewrites it: output dimensions become input-centric (Y' of size n becomes Y of size
/// n + R − 1), strides shrink a map to the outputs it covers, and a cluster level inherits its parent's maps. MAESTRO
/// rewrites its directives in place, and a later step sees the rewritten values, so this one is mutable too.
/// </summary>
internal sealed class MapDirective
{
    public MapDirective(DirectiveKind kind, int size, int offset, string variable)
    {
        Kind = kind;
        Size = size;
        Offset = offset;
        Variable = variable;
    }

    public DirectiveKind Kind { get; }

    public int Size { get; set; }

    public int Offset { get; set; }

    public string Variable { get; set; }

    public bool IsTemporal => Kind == DirectiveKind.TemporalMap;

    public bool IsSpatial => Kind == DirectiveKind.SpatialMap;

    public static MapDirective From(MaestroDirective d) => new(d.Kind, d.Size, d.Offset, d.Variable);

    public override string ToString() => new MaestroDirective(Kind, Size, Offset, Variable).ToString();
}
