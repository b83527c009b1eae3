using System.Text.Json.Nodes;
using Gandse.CostModels;
using Gandse.CostModels.Systolic;
using Gandse.Io;
using Gandse.Spaces;
using Gandse.Tasks;
using Gandse.Workloads;
using P = Gandse.CostModels.Systolic.SystolicParameterNames;

namespace Gandse.Cli.Commands;

/// <summary>
/// <c>gandse evaluate -w network:…</c>: one array running a whole network. Each layer takes the design's dataflow
/// when one is given, its entry of <c>--layer-dataflows</c>, or else its own best dataflow on that hardware.
/// </summary>
public static class EvaluateNetwork
{
    public static int Run(CliIo io, ICostModel model, SpaceEntry entry, Network network, string? designText, string? layerDataflows, double dramBandwidth, bool json)
    {
        if (model is not SystolicCostModel systolic)
        {
            throw new UsageException($"a network runs on the {SystolicSpace.Name} space, not {model.Space.Name}");
        }

        var tokens = designText is null
            ? new Dictionary<string, string>()
            : KeyValueList.Parse(designText, "--design").ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);
        bool uniform = tokens.ContainsKey(P.Dataflow);
        if (uniform && layerDataflows is not null)
        {
            throw new UsageException("give either dataflow= in --design (every layer) or --layer-dataflows (one per layer), not both");
        }

        Dictionary<string, double> design = systolic.Space.ParseValues(tokens, entry.Defaults);
        IReadOnlyList<Dataflow>? dataflows = uniform
            ? Enumerable.Repeat((Dataflow)(int)design[P.Dataflow], network.Layers.Count).ToList()
            : layerDataflows?.Split(',').Select(DataflowNames.Parse).ToList();
        NetworkEvaluation evaluation = NetworkEvaluation.Evaluate(systolic, network, design, dataflows, dramBandwidth);
        var hardware = SystolicNetworkSpace.HardwareParameters.ToDictionary(name => name, name => design[name]);
        string how = dataflows is null ? "each layer's best dataflow" : uniform ? $"dataflow {DataflowNames.Name(dataflows[0])} for every layer" : "the given layer dataflows";
        Write(io, systolic, network, hardware, how, dramBandwidth, evaluation, json);
        return ExitCodes.Success;
    }

    public static void Write(
        CliIo io, ICostModel model, Network network, IReadOnlyDictionary<string, double> hardware, string how, double dramBandwidth, NetworkEvaluation evaluation, bool json)
    {
        if (json)
        {
            var design = new JsonObject();
            foreach ((string name, double value) in hardware)
            {
                design[name] = CliIo.JsonNumber(value);
            }

            io.WriteJson(new JsonObject
            {
                ["workload"] = new JsonObject { ["spec"] = network.Spec, ["name"] = network.Name, ["layers"] = network.Layers.Count, ["macs"] = network.Macs },
                ["design"] = design,
                ["dataflows"] = how,
                ["dram_bw"] = CliIo.JsonNumber(dramBandwidth),
                ["metrics"] = EvaluateCommand.MetricsJson(model, evaluation.Totals),
                ["layers"] = NetworkReport.LayersJson(evaluation),
            });
            return;
        }

        io.Output.WriteLine($"workload  network:{network.Name} ({network.Layers.Count} layers, {network.Macs / 1e9:F3} GMACs)");
        io.Output.WriteLine($"design    {string.Join(",", hardware.Select(p => $"{p.Key}={CliIo.Number(p.Value)}"))}, {how}");
        io.Output.WriteLine($"dram_bw   {CliIo.Number(dramBandwidth)} words/cycle");
        io.Console.Write(NetworkReport.LayersTable(evaluation));
        io.Console.Write(EvaluateCommand.MetricsTable(model, evaluation.Totals));
    }
}
