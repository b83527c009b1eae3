using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Gandse.Workloads;
using Spectre.Console;

namespace Gandse.Cli.Commands;

/// <summary><c>gandse networks</c> lists the built-in networks; <c>gandse networks NAME</c> shows one layer by layer.</summary>
public static class NetworksCommand
{
    public static Command Build()
    {
        var command = new Command(
            "networks",
            "List the built-in networks (workload network:NAME) with their size, or show one layer by layer as the array runs it: each layer's GEMM (M x N x K) and how often it runs.\n" +
            "Examples:\n  gandse networks\n  gandse networks resnet50 --json");
        var name = new Argument<string?>("name") { Description = "A network to show layer by layer.", Arity = ArgumentArity.ZeroOrOne };
        Option<bool> json = CommonOptions.Json();
        command.Arguments.Add(name);
        command.Options.Add(json);
        command.SetAction(result =>
        {
            var io = new CliIo(result);
            string? chosen = result.GetValue(name);
            return chosen is null ? List(io, result.GetValue(json)) : Show(io, BuiltInNetworks.Get(chosen), result.GetValue(json));
        });
        return command;
    }

    private static int List(CliIo io, bool json)
    {
        var networks = BuiltInNetworks.Names.Select(BuiltInNetworks.Get).ToList();
        if (json)
        {
            io.WriteJson(new JsonArray(networks.Select(n => (JsonNode)new JsonObject
            {
                ["name"] = n.Name,
                ["kind"] = BuiltInNetworks.Kind(n.Name),
                ["layers"] = n.Layers.Count,
                ["distinct_shapes"] = n.MergeEqualShapes().Layers.Count,
                ["macs"] = n.Macs,
            }).ToArray()));
            return ExitCodes.Success;
        }

        var table = new Table().Title("built-in networks (batch 1)");
        table.AddColumns("name", "kind", "layers", "distinct shapes", "GMACs");
        foreach (Network network in networks)
        {
            table.AddRow(
                network.Name, BuiltInNetworks.Kind(network.Name), network.Layers.Count.ToString(CultureInfo.InvariantCulture),
                network.MergeEqualShapes().Layers.Count.ToString(CultureInfo.InvariantCulture), (network.Macs / 1e9).ToString("F3", CultureInfo.InvariantCulture));
        }

        io.Console.Write(table);
        return ExitCodes.Success;
    }

    private static int Show(CliIo io, Network network, bool json)
    {
        if (json)
        {
            io.WriteJson(new JsonObject
            {
                ["name"] = network.Name,
                ["kind"] = BuiltInNetworks.Kind(network.Name),
                ["macs"] = network.Macs,
                ["layers"] = new JsonArray(network.Layers.Select(l => (JsonNode)new JsonObject
                {
                    ["name"] = l.Name,
                    ["M"] = l.Gemm.M,
                    ["N"] = l.Gemm.N,
                    ["K"] = l.Gemm.K,
                    ["repeats"] = l.Repeats,
                    ["macs"] = l.Gemm.Macs * l.Repeats,
                }).ToArray()),
            });
            return ExitCodes.Success;
        }

        var table = new Table().Title($"network [bold]{network.Name}[/]: {network.Layers.Count} layers, {network.Macs / 1e9:F3} GMACs");
        table.AddColumns("layer", "M", "N", "K", "repeats", "share of MACs");
        foreach (NetworkLayer layer in network.Layers)
        {
            table.AddRow(
                Markup.Escape(layer.Name), Int(layer.Gemm.M), Int(layer.Gemm.N), Int(layer.Gemm.K), Int(layer.Repeats),
                ((double)layer.Gemm.Macs * layer.Repeats / network.Macs).ToString("P1", CultureInfo.InvariantCulture));
        }

        io.Console.Write(table);
        return ExitCodes.Success;
    }

    private static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);
}
