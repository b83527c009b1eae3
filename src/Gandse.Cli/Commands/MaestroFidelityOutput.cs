using System.Globalization;
using System.Text.Json.Nodes;
using Gandse.Bench;
using Spectre.Console;

namespace Gandse.Cli.Commands;

/// <summary>How <c>gandse bench fidelity --simulator maestro</c> prints what it measured.</summary>
public static class MaestroFidelityOutput
{
    /// <summary>The tables and the list of differing runtimes.</summary>
    public static void Write(CliIo io, MaestroFidelityResult r)
    {
        io.Output.WriteLine($"{r.Cases} cases ({r.Origin}); MAESTRO: {r.SimulatorRuns} runs, {r.CacheHits} from the cache; {r.Analysed} analysed, {r.Cases - r.Analysed} refused");
        io.Output.WriteLine($"refused by both or analysed by both: {r.RefusalAgreements} of {r.Cases}; same validity (analysed and within L1/L2): {r.ValidAgreements} of {r.Cases}");
        var table = new Table().Title("maestro model / MAESTRO, over the analysed cases").AddColumn("metric");
        foreach (string column in new[] { "equal", "within 0.1 %", "within 1 %", "largest difference" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        foreach (MetricAgreement m in r.Metrics)
        {
            table.AddRow(m.Metric, Share(m.Equal, m.Cases), Share(m.WithinTenthPercent, m.Cases), Share(m.WithinOnePercent, m.Cases), (m.MaxRelative * 100).ToString("0.####", CultureInfo.InvariantCulture) + " %");
        }

        io.Console.Write(table);
        foreach (string difference in r.RuntimeDifferences.Take(20))
        {
            io.Output.WriteLine($"  runtime differs: {difference}");
        }

        io.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"time per evaluation: model {r.ModelSecondsPerCase * 1e6:F1} µs (batched), MAESTRO {r.SimulatorSecondsPerRun:F3} s per run (median)"));
    }

    /// <summary>The same as JSON.</summary>
    public static JsonObject Json(MaestroFidelityResult r) => new()
    {
        ["simulator"] = "maestro",
        ["cases"] = r.Cases,
        ["cases_from"] = r.Origin,
        ["simulator_runs"] = r.SimulatorRuns,
        ["simulator_cache_hits"] = r.CacheHits,
        ["analysed"] = r.Analysed,
        ["refusal_agreements"] = r.RefusalAgreements,
        ["valid_agreements"] = r.ValidAgreements,
        ["metrics"] = new JsonArray(r.Metrics.Select(m => (JsonNode)new JsonObject
        {
            ["metric"] = m.Metric, ["cases"] = m.Cases, ["equal"] = m.Equal, ["within_0_1_percent"] = m.WithinTenthPercent,
            ["within_1_percent"] = m.WithinOnePercent, ["max_relative_difference"] = m.MaxRelative,
        }).ToArray()),
        ["runtime_differences"] = new JsonArray(r.RuntimeDifferences.Select(d => (JsonNode)JsonValue.Create(d)).ToArray()),
        ["seconds_per_evaluation"] = new JsonObject { ["model"] = r.ModelSecondsPerCase, ["maestro_median"] = CliIo.JsonNumber(r.SimulatorSecondsPerRun) },
    };

    private static string Share(int count, int total) =>
        total == 0 ? "-" : $"{count}/{total} ({(100.0 * count / total).ToString("0.0", CultureInfo.InvariantCulture)} %)";
}
