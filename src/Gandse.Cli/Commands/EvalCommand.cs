using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Gandse.Data;
using Gandse.Harness;
using Gandse.Methods;
using Gandse.Methods.Gan;
using Gandse.Tasks;
using Spectre.Console;

namespace Gandse.Cli.Commands;

/// <summary><c>gandse eval</c>: a checkpoint scored on a held-out split against the exact optima.</summary>
public static class EvalCommand
{
    public static Command Build()
    {
        var command = new Command(
            "eval",
            "Score a checkpoint on a dataset split: every query answered on its own (propose, verify, pick), against its exact optimum.\n"
            + "Reports feasible rate, quality (geomean of optimum cost / achieved cost over feasible answers), score (mean over all queries, infeasible as 0), exact match, target-met rate and error, p50/p95 ms per query.\n"
            + "Examples:\n"
            + "  gandse eval --checkpoint checkpoints/systolic-gemm\n"
            + "  gandse eval --checkpoint checkpoints/systolic-gemm --split val --json");
        var checkpoint = new Option<string>("--checkpoint", "-c") { Description = "Checkpoint file, or a folder holding best.ckpt (else last.ckpt).", Required = true, HelpName = "path" };
        var split = new Option<string>("--split") { Description = "train, val or test.", DefaultValueFactory = _ => "test", HelpName = "name" };
        var candidates = new Option<int?>("--candidates") { Description = "Candidates per query (default: the checkpoint's generate.candidates).", HelpName = "N" };
        var limit = new Option<int?>("--limit") { Description = "Score only the first N queries of the split.", HelpName = "N" };
        var seed = new Option<long>("--seed") { Description = "Seed of the sampled noise.", DefaultValueFactory = _ => 0 };
        Option<double?> temperature = CommonOptions.Temperature();
        Option<double?> slotTemperature = CommonOptions.SlotTemperature();
        Option<bool?> completeMappings = CommonOptions.CompleteMappings();
        Option<int?> calls = CommonOptions.Calls();
        Option<string?> ranker = CommonOptions.Ranker();
        Option<bool> json = CommonOptions.Json();
        foreach (Option option in new Option[] { checkpoint, split, candidates, calls, ranker, limit, seed, temperature, slotTemperature, completeMappings, json })
        {
            command.Options.Add(option);
        }

        command.SetAction(result =>
        {
            var io = new CliIo(result);
            string splitName = result.GetValue(split)!;
            if (!Dataset.SplitNames.Contains(splitName))
            {
                throw new UsageException($"unknown split '{splitName}'; allowed: {string.Join(", ", Dataset.SplitNames)}");
            }

            if (result.GetValue(candidates) is <= 0 || result.GetValue(limit) is <= 0)
            {
                throw new UsageException("--candidates and --limit must be positive");
            }

            CommonOptions.CheckCandidates(result.GetValue(candidates));

            ITrainedMethod gan = TrainedMethods.Load(result.GetValue(checkpoint)!);
            IReadOnlyList<LabelledCondition> queries = DatasetBuilder.LoadOrBuildSplit(gan.Config, gan.Task, splitName, (done, total) =>
            {
                if (done == 1 || done == total)
                {
                    io.Error.WriteLine($"eval: labelling the {splitName} split with exact optima [{done}/{total}]");
                }
            });
            if (result.GetValue(limit) is int cap)
            {
                queries = queries.Take(cap).ToList();
            }

            int perQuery = result.GetValue(candidates) ?? gan.Config.Generate.Candidates;
            IMethod method = CommonOptions.TrainedMethod(result, gan, result.GetValue(seed), temperature, slotTemperature, ranker);
            bool complete = result.GetValue(completeMappings) ?? gan.Config.Generate.CompleteMappings;
            int callLimit = CommonOptions.CallLimit(result, calls, gan);
            Scorer.ScoreEach(gan.Task, method, queries.Take(1).ToList(), perQuery, complete, callLimit);
            IReadOnlyList<QueryOutcome> outcomes = Scorer.ScoreEach(gan.Task, method, queries, perQuery, complete, callLimit);
            Summary summary = Summary.Of(outcomes, gan.Task.Objective.Target is not null);
            (double? usedTemperature, double? usedSlotTemperature) = gan.Temperatures(result.GetValue(temperature), result.GetValue(slotTemperature));
            string? usedRanker = method is Methods.Gan.GanMethod g ? g.Ranker : null;
            var settings = new EvalSettings(splitName, perQuery, callLimit, usedRanker, result.GetValue(seed), usedTemperature, usedSlotTemperature, complete);
            Write(io, gan, settings, summary, WorkloadBreakdown.PerNetwork(queries, outcomes), result.GetValue(json));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>How the queries were answered, reported with the measures so a run can be repeated.</summary>
    private sealed record EvalSettings(string Split, int Candidates, int Calls, string? Ranker, long Seed, double? Temperature, double? SlotTemperature, bool CompleteMappings);

    private static void Write(CliIo io, ITrainedMethod gan, EvalSettings settings, Summary s, IReadOnlyList<(string Workload, Summary Summary)> perNetwork, bool json)
    {
        if (json)
        {
            io.WriteJson(new JsonObject
            {
                ["checkpoint"] = gan.Path,
                ["task"] = gan.Task.Name,
                ["method"] = gan.Info.MethodName,
                ["split"] = settings.Split,
                ["queries"] = s.Queries,
                ["candidates"] = settings.Candidates,
                ["calls_limit"] = settings.Calls == 0 ? null : settings.Calls,
                ["ranker"] = settings.Ranker,
                ["seed"] = settings.Seed,
                ["temperature"] = settings.Temperature,
                ["slot_temperature"] = settings.SlotTemperature,
                ["complete_mappings"] = settings.CompleteMappings,
                ["feasible_rate"] = s.FeasibleRate,
                ["quality"] = s.Quality,
                ["score"] = s.Score,
                ["exact_match"] = s.ExactMatch,
                ["target_met_rate"] = s.TargetMetRate,
                ["mean_target_error"] = s.MeanTargetError,
                ["p50_ms"] = Math.Round(s.P50Milliseconds, 3),
                ["p95_ms"] = Math.Round(s.P95Milliseconds, 3),
                ["design_calls_per_query"] = s.DesignCallsPerQuery,
                ["layer_runs_per_query"] = s.LayerCallsPerQuery,
                ["analytic_per_query"] = s.AnalyticCallsPerQuery,
                ["per_network"] = new JsonArray(perNetwork.Select(n => (JsonNode)new JsonObject
                {
                    ["network"] = n.Workload,
                    ["queries"] = n.Summary.Queries,
                    ["feasible_rate"] = n.Summary.FeasibleRate,
                    ["quality"] = n.Summary.Quality,
                    ["score"] = n.Summary.Score,
                    ["exact_match"] = n.Summary.ExactMatch,
                    ["p50_ms"] = Math.Round(n.Summary.P50Milliseconds, 3),
                    ["design_calls_per_query"] = n.Summary.DesignCallsPerQuery,
                    ["layer_runs_per_query"] = n.Summary.LayerCallsPerQuery,
                }).ToArray()),
            });
            return;
        }

        string completed = settings.CompleteMappings ? ", per-layer mappings completed" : string.Empty;
        var table = new Table().Title($"{gan.Task.Name}: {s.Queries} {settings.Split} queries, {settings.Candidates} candidates each{(settings.Calls > 0 ? $", at most {settings.Calls} calls" : string.Empty)}{(settings.Ranker is null ? string.Empty : $", ranked by {settings.Ranker}")}{completed}")
            .AddColumn("measure").AddColumn(new TableColumn("value").RightAligned());
        var invariant = CultureInfo.InvariantCulture;
        table.AddRow("feasible rate", s.FeasibleRate.ToString("P1", invariant));
        table.AddRow("quality (geomean optimum / achieved, feasible answers)", s.Quality.ToString("F4", invariant));
        table.AddRow("score (mean optimum / achieved, infeasible as 0)", s.Score.ToString("F4", invariant));
        table.AddRow("exact match", s.ExactMatch.ToString("P1", invariant));
        if (s.TargetMetRate is double met)
        {
            table.AddRow("target met", met.ToString("P1", invariant));
            table.AddRow("mean |latency − target| / target", (s.MeanTargetError ?? 0).ToString("F4", invariant));
        }

        table.AddRow("ms per query, p50", s.P50Milliseconds.ToString("F2", invariant));
        table.AddRow("ms per query, p95", s.P95Milliseconds.ToString("F2", invariant));
        table.AddRow("designs evaluated exactly per query (mean, measured)", s.DesignCallsPerQuery.ToString("F1", invariant));
        if (Math.Abs(s.LayerCallsPerQuery - s.DesignCallsPerQuery) > 1e-9)
        {
            table.AddRow("layer runs per query (mean, measured)", s.LayerCallsPerQuery.ToString("F1", invariant));
        }

        table.AddRow("closed-form evaluations per query (features and bounds)", s.AnalyticCallsPerQuery.ToString("F0", invariant));
        io.Console.Write(table);
        if (perNetwork.Count > 0)
        {
            var networks = new Table().Title("per network").AddColumns("network", "queries", "feasible", "quality", "score", "exact match", "p50 ms", "designs/query", "layer runs/query");
            foreach ((string name, Summary n) in perNetwork)
            {
                networks.AddRow(
                    name, n.Queries.ToString(invariant), n.FeasibleRate.ToString("P1", invariant), n.Quality.ToString("F4", invariant), n.Score.ToString("F4", invariant),
                    n.ExactMatch.ToString("P1", invariant), n.P50Milliseconds.ToString("F1", invariant),
                    n.DesignCallsPerQuery.ToString("F0", invariant), n.LayerCallsPerQuery.ToString("F0", invariant));
            }

            io.Console.Write(networks);
        }
    }
}
