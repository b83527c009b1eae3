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
    public const string Name = "systolic-network";

    public static readonly IReadOnlyList<string> HardwareParameters = new[] { P.Rows, P.Cols, P.IfmapSramKb, P.FilterSramKb, P.OfmapSramKb };

    public static string DataflowName(int layer) => string.Create(CultureInfo.InvariantCulture, $"dataflow_{layer}");

    public static DesignSpace Create(int layers)
    {
        DesignSpace single = SystolicSpace.Create();
        IEnumerable<Parameter> hardware = HardwareParameters.Select(name => single[name]);
        IEnumerable<Parameter> dataflows = Enumerable.Range(0, layers)
            .Select(l => (Parameter)new CategoricalParameter(DataflowName(l), new[] { "os", "ws", "is" }));
        return new DesignSpace(Name, hardware.Concat(dataflows));
    }
}
