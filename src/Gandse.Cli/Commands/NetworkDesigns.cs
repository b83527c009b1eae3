using System.Text.Json.Nodes;
using Gandse.CostModels.Systolic;
using Gandse.Spaces;
using Gandse.Workloads;

namespace Gandse.Cli.Commands;

/// <summary>
/// A design of the network space read back as what it means for one network: the shared hardware, and a
/// dataflow for each of the network's layers (slots past its last layer are not part of the answer).
/// </summary>
public static class NetworkDesigns
{
    public static Dictionary<string, double> Hardware(DesignSpace space, Design design)
    {
        Dictionary<string, double> values = space.ValuesOf(design);
        return SystolicNetworkSpace.HardwareParameters.ToDictionary(name => name, name => values[name]);
    }

    public static JsonObject HardwareJson(DesignSpace space, Design design) =>
        new(Hardware(space, design).Select(p => new KeyValuePair<string, JsonNode?>(p.Key, CliIo.JsonNumber(p.Value))));

    public static NetworkEvaluation Evaluate(DesignSpace space, Network network, Design design, Conditions.Condition query) =>
        Evaluate(space, network, design, query[SystolicConditions.DramBandwidth]);

    public static NetworkEvaluation Evaluate(DesignSpace space, Network network, Design design, double dramBandwidth)
    {
        Dictionary<string, double> values = space.ValuesOf(design);
        Dictionary<string, double> hardware = Hardware(space, design);
        var dataflows = Enumerable.Range(0, network.Layers.Count).Select(l => (Dataflow)(int)values[SystolicNetworkSpace.DataflowName(l)]).ToList();
        return NetworkEvaluation.Evaluate(new SystolicCostModel(), network, hardware, dataflows, dramBandwidth);
    }
}
