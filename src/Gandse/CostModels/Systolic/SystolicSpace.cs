using Gandse.Spaces;
using P = Gandse.CostModels.Systolic.SystolicParameterNames;

namespace Gandse.CostModels.Systolic;

/// <summary>
/// The systolic-array design space searched by every method: rows, cols ∈ {1, 2, 4, …, 512}; dataflow ∈
/// {os, ws, is}; each SRAM ∈ {1, 2, 4, …, 2048} KB. 10 · 10 · 3 · 12³ = 518,400 designs. The cost model itself
/// accepts any positive sizes; these choices bound only what methods search.
/// </summary>
public static class SystolicSpace
{
    /// <summary>The space's name.</summary>
    public const string Name = "systolic";

    /// <summary>
    /// Values taken by design parameters a user leaves out: SCALE-Sim v2's own default config
    /// (configs/scale.cfg: 32 × 32, output stationary, 64 KB per SRAM).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Defaults = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [P.Rows] = "32",
        [P.Cols] = "32",
        [P.Dataflow] = "os",
        [P.IfmapSramKb] = "64",
        [P.FilterSramKb] = "64",
        [P.OfmapSramKb] = "64",
    };

    /// <summary>DRAM bandwidth, words per cycle, when a query gives none (SCALE-Sim v2's configs/google.cfg).</summary>
    public const double DefaultDramBandwidth = 10.0;

    /// <summary>The single-layer systolic space: rows, cols, dataflow and the three buffer sizes.</summary>
    public static DesignSpace Create() => new(Name, new Parameter[]
    {
        OrdinalParameter.PowersOfTwo(P.Rows, 1, 512),
        OrdinalParameter.PowersOfTwo(P.Cols, 1, 512),
        new CategoricalParameter(P.Dataflow, new[] { "os", "ws", "is" }),
        OrdinalParameter.PowersOfTwo(P.IfmapSramKb, 1, 2048),
        OrdinalParameter.PowersOfTwo(P.FilterSramKb, 1, 2048),
        OrdinalParameter.PowersOfTwo(P.OfmapSramKb, 1, 2048),
    });
}
