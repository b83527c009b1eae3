using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Gandse.Spaces;
using Gandse.Tasks;
using Spectre.Console;

namespace Gandse.Cli.Commands;

/// <summary><c>gandse space list</c> and <c>gandse space show NAME</c>.</summary>
public static class SpaceCommand
{
    public static Command Build()
    {
        var command = new Command("space", "Inspect design spaces: their parameters, choices and size.");

        var list = new Command("list", "List the design spaces Gandse knows.");
        Option<bool> listJson = CommonOptions.Json();
        list.Options.Add(listJson);
        list.SetAction(result => List(new CliIo(result), result.GetValue(listJson)));

        var show = new Command("show", "Show a space's parameters, their choices, defaults and the space size.");
        var name = new Argument<string>("name") { Description = $"Space name; one of: {string.Join(", ", SpaceCatalog.Names)}." };
        Option<bool> showJson = CommonOptions.Json();
        show.Arguments.Add(name);
        show.Options.Add(showJson);
        show.SetAction(result => Show(new CliIo(result), SpaceCatalog.Get(result.GetValue(name)!), result.GetValue(showJson)));

        command.Subcommands.Add(list);
        command.Subcommands.Add(show);
        return command;
    }

    private static int List(CliIo io, bool json)
    {
        IEnumerable<SpaceEntry> entries = SpaceCatalog.Names.Select(SpaceCatalog.Get);
        if (json)
        {
            io.WriteJson(new JsonArray(entries.Select(e => (JsonNode)new JsonObject
            {
                ["name"] = e.Name,
                ["description"] = e.Description,
                ["size"] = e.Space.Size.ToString(CultureInfo.InvariantCulture),
            }).ToArray()));
            return ExitCodes.Success;
        }

        foreach (SpaceEntry entry in entries)
        {
            io.Output.WriteLine($"{entry.Name,-12} {entry.Space.Size,12:N0} designs  {entry.Description}");
        }

        return ExitCodes.Success;
    }

    private static int Show(CliIo io, SpaceEntry entry, bool json)
    {
        DesignSpace space = entry.Space;
        if (json)
        {
            io.WriteJson(new JsonObject
            {
                ["name"] = space.Name,
                ["description"] = entry.Description,
                ["size"] = space.Size.ToString(CultureInfo.InvariantCulture),
                ["parameters"] = new JsonArray(space.Parameters.Select(p => (JsonNode)new JsonObject
                {
                    ["name"] = p.Name,
                    ["kind"] = p.Kind,
                    ["count"] = p.Count,
                    ["choices"] = new JsonArray(Enumerable.Range(0, p.Count).Select(i => (JsonNode)JsonValue.Create(p.Format(i))).ToArray()),
                    ["default"] = entry.Defaults.TryGetValue(p.Name, out string? d) ? d : null,
                }).ToArray()),
            });
            return ExitCodes.Success;
        }

        var table = new Table().Title($"space [bold]{space.Name}[/]: {space.Size:N0} designs");
        table.AddColumns("parameter", "kind", "choices", "count", "default");
        foreach (Parameter parameter in space.Parameters)
        {
            table.AddRow(
                parameter.Name, parameter.Kind, Markup.Escape(parameter.DescribeChoices()),
                parameter.Count.ToString(CultureInfo.InvariantCulture),
                entry.Defaults.TryGetValue(parameter.Name, out string? fallback) ? fallback : "-");
        }

        io.Console.Write(table);
        io.Output.WriteLine(entry.Description);
        return ExitCodes.Success;
    }
}
