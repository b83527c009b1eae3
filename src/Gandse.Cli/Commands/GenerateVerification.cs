using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Gandse.Conditions;
using Gandse.CostModels.Systolic;
using Gandse.Harness;
using Gandse.Methods;
using Gandse.Methods.Gan;
using Gandse.Simulators;
using Gandse.Simulators.ScaleSim;
using Gandse.Spaces;
using Spectre.Console;

namespace Gandse.Cli.Commands;

/// <summary><c>gandse generate --verify-with scalesim</c>: the fast model's best designs re-ranked by the real simulator.</summary>
public static class GenerateVerification
{
    /// <summary>The fast model's best designs re-checked with SCALE-Sim, re-ranked by its figures, both shown.</summary>
    public static void Write(CliIo io, ITrainedMethod gan, Condition query, IReadOnlyList<RankedCandidate> designs, SimulatorRunner<ScaleSimCase> runner, bool json)
    {
        DesignSpace space = gan.Task.Space;
        var stopwatch = Stopwatch.StartNew();
        List<Design> chosen = designs.Select(d => d.Design).ToList();
        IReadOnlyList<IReadOnlyDictionary<string, double>> verified = ScaleSimVerification.Simulate(runner, space, chosen, query.Workload, (long)query[SystolicConditions.DramBandwidth]);
        IReadOnlyList<int> order = ScaleSimVerification.Rank(gan.Task.Objective, space, chosen, verified, query.Values());
        string primary = gan.Task.Objective.PrimaryMetric;
        if (json)
        {
            io.WriteJson(new JsonObject
            {
                ["checkpoint"] = gan.Path,
                ["workload"] = query.Workload.Spec,
                ["verified_with"] = "scalesim",
                ["simulator_runs"] = runner.Runs,
                ["simulator_cache_hits"] = runner.CacheHits,
                ["designs"] = new JsonArray(order.Select(i => (JsonNode)new JsonObject
                {
                    ["fast_rank"] = i + 1,
                    ["design"] = EvaluateCommand.DesignJson(space, space.ValuesOf(designs[i].Design)),
                    ["metrics"] = new JsonObject(gan.Task.MetricNames.Select(m => new KeyValuePair<string, JsonNode?>(m, CliIo.JsonNumber(designs[i].Metrics[m])))),
                    ["scalesim"] = new JsonObject(verified[i].Select(m => new KeyValuePair<string, JsonNode?>(m.Key, CliIo.JsonNumber(m.Value)))),
                }).ToArray()),
            });
            return;
        }

        io.Output.WriteLine($"query      {query.Workload.Spec}");
        io.Output.WriteLine($"verified   the fast model's {designs.Count} best designs with SCALE-Sim v2 in {stopwatch.Elapsed.TotalSeconds:F1} s ({runner.Runs} runs, {runner.CacheHits} from the cache); best by SCALE-Sim first");
        List<Parameter> shown = space.Parameters.Take(Math.Min(6, space.Parameters.Count)).ToList();
        var table = new Table().AddColumn("#").AddColumn("fast rank");
        shown.ForEach(p => table.AddColumn(p.Name));
        foreach (string column in new[] { $"{primary} (gandse)", $"{primary} (scalesim)", "total_cycles (gandse)", "total_cycles (scalesim)" }.Distinct())
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        for (int rank = 0; rank < order.Count; rank++)
        {
            int i = order[rank];
            var cells = new List<string> { (rank + 1).ToString(CultureInfo.InvariantCulture), (i + 1).ToString(CultureInfo.InvariantCulture) };
            cells.AddRange(shown.Select(p => p.Format(designs[i].Design[space.IndexOf(p.Name)])));
            var figures = new List<string> { F(designs[i].Metrics[primary]), F(verified[i][primary]) };
            if (primary != CostModels.Systolic.SystolicMetricNames.TotalCycles)
            {
                figures.AddRange(new[] { F(designs[i].Metrics[CostModels.Systolic.SystolicMetricNames.TotalCycles]), F(verified[i][CostModels.Systolic.SystolicMetricNames.TotalCycles]) });
            }

            cells.AddRange(figures);
            table.AddRow(cells.ToArray());
        }

        io.Console.Write(table);
    }

    private static string F(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

}
