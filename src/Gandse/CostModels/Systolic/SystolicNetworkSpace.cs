using System.Globalization;
using Gandse.Spaces;
using P = Gandse.CostModels.Systolic.SystolicParameterNames;

namespace Gandse.CostModels.Systolic;

/// <summary>
/// A network on one systolic array: shared hardware (rows, cols, three SRAMs: 172,800 choices) and one
/// dataflow per layer slot, <c>dataflow_0</c> … <c>dataflow_{L−1}</c>. Slots past a network's last layer are unused.
/// </summary>
public static class SystolicNetworkSpace
{
    /// <summary>The space's name.</summary>
    public const string Name = "systolic-network";

    /// <summary>The parameters shared by every layer (array shape and buffers).</summary>
    public static readonly IReadOnlyList<string> HardwareParameters = new[] { P.Rows, P.Cols, P.IfmapSramKb, P.FilterSramKb, P.OfmapSramKb };

    /// <summary>The name of layer <paramref name="layer"/>'s dataflow parameter (dataflow_0, dataflow_1, ...).</summary>
    public static string DataflowName(int layer) => string.Create(CultureInfo.InvariantCulture, $"dataflow_{layer}");

    /// <summary>The hardware parameters followed by one dataflow per layer, for networks of up to <paramref name="layers"/> layers.</summary>
    public static DesignSpace Create(int layers)
    {
        DesignSpace single = SystolicSpace.Create();
        IEnumerable<Parameter> hardware = HardwareParameters.Select(name => single[name]);
        IEnumerable<Parameter> dataflows = Enumerable.Range(0, layers)
            .Select(l => (Parameter)new CategoricalParameter(DataflowName(l), new[] { "os", "ws", "is" }));
        return new DesignSpace(Name, hardware.Concat(dataflows));
    }
}
