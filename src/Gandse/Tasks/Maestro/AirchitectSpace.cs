using Gandse.Spaces;
using P = Gandse.CostModels.Maestro.MaestroParameterNames;

namespace Gandse.Tasks.Maestro;

/// <summary>
/// AIrchitect v2's design space: 1 to 64 PEs and KTileSz 1 to 12, 768 designs; ClusterSz is the PE count and
/// CTileSz 1 (the maestro model's defaults). A design's flat index is the dataset's ConfigID:
/// (num_pe − 1) · 12 + KTileSz − 1.
/// </summary>
public static class AirchitectSpace
{
    /// <summary>The space's name.</summary>
    public const string Name = "airchitect-v2";

    /// <summary>The space.</summary>
    public static DesignSpace Create() => new(Name, new Parameter[] { new IntegerRangeParameter(P.NumPe, 1, 64), new IntegerRangeParameter(P.KTileSz, 1, 12) });

    /// <summary>The design of a ConfigID.</summary>
    public static Design FromConfigId(int configId) => new(new[] { configId / 12, configId % 12 });

    /// <summary>The ConfigID of a design.</summary>
    public static int ConfigId(Design design) => (design[0] * 12) + design[1];
}
