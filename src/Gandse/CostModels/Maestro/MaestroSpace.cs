using Gandse.Spaces;
using P = Gandse.CostModels.Maestro.MaestroParameterNames;

namespace Gandse.CostModels.Maestro;

/// <summary>
/// The dataflow-accelerator design space, after MAESTRO and ConfuciuX: a dataflow template (dla, eye, shi, dpt),
/// 1 to 256 PEs, the templates' KTileSz and CTileSz from 1 to 12, and ClusterSz from 0 (all PEs in one cluster,
/// ConfuciuX's choice) to 256. 4 · 256 · 12 · 12 · 257 designs; the cost model takes any positive sizes.
/// </summary>
public static class MaestroSpace
{
    /// <summary>The space's name.</summary>
    public const string Name = "maestro";

    /// <summary>The templates, in the categorical parameter's order.</summary>
    public static IReadOnlyList<string> Templates { get; } = new[] { "dla", "eye", "shi", "dpt" };

    /// <summary>Values of parameters a user leaves out: ConfuciuX's setting on 64 PEs.</summary>
    public static readonly IReadOnlyDictionary<string, string> Defaults = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [P.Dataflow] = "dla",
        [P.NumPe] = "64",
        [P.KTileSz] = "1",
        [P.CTileSz] = "1",
        [P.ClusterSz] = "0",
    };

    /// <summary>The space.</summary>
    public static DesignSpace Create() => new(Name, new Parameter[]
    {
        new CategoricalParameter(P.Dataflow, Templates),
        new IntegerRangeParameter(P.NumPe, 1, 256),
        new IntegerRangeParameter(P.KTileSz, 1, 12),
        new IntegerRangeParameter(P.CTileSz, 1, 12),
        new IntegerRangeParameter(P.ClusterSz, 0, 256),
    });
}
