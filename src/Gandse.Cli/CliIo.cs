using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace Gandse.Cli;

/// <summary>Where a command writes: the invocation's output writer, as plain text, a Spectre table or JSON.</summary>
public sealed class CliIo
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    public CliIo(ParseResult parseResult)
    {
        Output = parseResult.InvocationConfiguration.Output;
        Error = parseResult.InvocationConfiguration.Error;
    }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    /// <summary>True when writing to a terminal a person watches (live progress bars make sense).</summary>
    public bool IsInteractive => ReferenceEquals(Output, System.Console.Out) && !System.Console.IsOutputRedirected;

    public IAnsiConsole Console
    {
        get
        {
            IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(Output),
                Ansi = IsInteractive ? AnsiSupport.Detect : AnsiSupport.No,
                ColorSystem = ColorSystemSupport.Detect,
                Interactive = InteractionSupport.No,
            });

            // Redirected output has no terminal width; 80 columns would wrap design tables.
            if (!IsInteractive)
            {
                console.Profile.Width = 160;
            }

            return console;
        }
    }

    public void WriteJson(JsonNode node) => Output.WriteLine(node.ToJsonString(JsonOptions));

    /// <summary>Numbers as JSON, CSV and tables show them: shortest round-trip, invariant culture.</summary>
    /// <summary>A query's cost-model evaluations in words: exact designs, layer runs and closed-form features.</summary>
    public static string Calls(Gandse.CostModels.EvaluationCount calls) =>
        string.Create(CultureInfo.InvariantCulture, $"{calls.Designs:N0} designs evaluated exactly ({calls.Layers:N0} layer runs)")
        + (calls.Analytic > 0 ? string.Create(CultureInfo.InvariantCulture, $", {calls.Analytic:N0} closed-form (features and bounds)") : string.Empty);

    public static JsonObject CallsJson(Gandse.CostModels.EvaluationCount calls) => new()
    {
        ["designs"] = calls.Designs,
        ["layer_runs"] = calls.Layers,
        ["analytic"] = JsonNumber(calls.Analytic),
    };

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A JSON number (an integer when the value is one), or null for infinities and NaN, which JSON cannot hold.</summary>
    public static JsonNode? JsonNumber(double value)
    {
        if (!double.IsFinite(value))
        {
            return null;
        }

        return value == Math.Floor(value) && Math.Abs(value) < 9e15 ? JsonValue.Create((long)value) : JsonValue.Create(value);
    }
}
