using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Gandse.Conditions;
using Gandse.Config;
using Gandse.CostModels;
using Gandse.CostModels.Systolic;
using Gandse.Harness;
using Gandse.Optimum;
using Gandse.Tasks;
using Gandse.Tasks.Systolic;
using Gandse.Workloads;

namespace Gandse.Cli.Commands;

/// <summary><c>gandse search</c>: one query searched by a method that trains nothing (bo, evolutionary, random, rl-search).</summary>
public static class SearchCommand
{
    public static Command Build()
    {
        var command = new Command(
            "search",
            "Search one GEMM query with a per-query method under a budget of counted cost-model calls, and score the answer against the exact optimum.\n"
            + "Examples:\n"
            + "  gandse search --method bo -w gemm:M=1024,N=1024,K=1024 --mac-budget 4096 --sram-budget-kb 1536 --budget 256\n"
            + "  gandse search --method evolutionary -w gemm:M=512,N=512,K=512 --objective cheapest-meeting-latency --target-latency 200000 --json");
        var method = new Option<string>("--method") { Description = $"The search: {string.Join(", ", SingleSearch.Methods)}.", DefaultValueFactory = _ => "bo", HelpName = string.Join("|", SingleSearch.Methods) };
        Option<string?> workload = CommonOptions.Workload(required: true);
        var conditions = new ConditionOptions();
        var objective = new Option<string>("--objective")
        {
            Description = "latency (task systolic-gemm) or cheapest-meeting-latency (task systolic-latency-target, needs --target-latency).",
            DefaultValueFactory = _ => "latency",
            HelpName = string.Join("|", SystolicObjectives.Names),
        };
        var budget = new Option<int>("--budget") { Description = "Most distinct designs the search may have evaluated (each a counted call).", DefaultValueFactory = _ => 256, HelpName = "N" };
        var seed = new Option<int>("--seed") { Description = "Seed of the search.", DefaultValueFactory = _ => 0 };
        Option<bool> json = CommonOptions.Json();
        foreach (Option option in new Option[] { method, workload }.Concat(conditions.All).Concat(new Option[] { objective, budget, seed, json }))
        {
            command.Options.Add(option);
        }

        command.SetAction(result =>
        {
            var io = new CliIo(result);
            int calls = result.GetValue(budget);
            if (calls <= 0)
            {
                throw new UsageException($"--budget must be positive, got {calls}");
            }

            string objectiveName = result.GetValue(objective)!.Trim().ToLowerInvariant();
            string taskName = objectiveName switch
            {
                "latency" => SystolicGemmTask.GemmName,
                "cheapest-meeting-latency" => SystolicGemmTask.LatencyTargetName,
                _ => throw new UsageException($"--objective '{objectiveName}' is not allowed; allowed: {string.Join(", ", SystolicObjectives.Names)}"),
            };
            var config = new ExperimentConfig { Task = taskName };
            IDseTask task = TaskCatalog.Create(config);
            Workload parsed = CommonOptions.ParseWorkload(result.GetValue(workload)!);
            if (parsed is Network)
            {
                throw new UsageException("--workload: search takes one GEMM or layer; for a network use 'gandse optimum' or a checkpoint of systolic-network with 'gandse generate'");
            }

            Condition condition = task.Query(parsed, conditions.Given(result, task.Conditions, $"--objective {objectiveName}"), ConditionOptions.Flag);
            SearchResult found = SingleSearch.Run(config, task, result.GetValue(method)!, condition, calls, result.GetValue(seed));
            ICostModel model = SpaceCatalog.Get(SystolicSpace.Name).CostModel();
            OptimumResult optimum = new ExhaustiveOptimum(model, task.Objective).Find(condition.Values());
            Write(io, model, task, condition, found, optimum, calls, result.GetValue(json));
            return found.Best.Feasible ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }

    private static void Write(CliIo io, ICostModel model, IDseTask task, Condition condition, SearchResult found, OptimumResult optimum, int budget, bool json)
    {
        string metric = task.Objective.PrimaryMetric;
        double? best = found.Best.Feasible ? found.Best.Metrics[metric] : null;
        double? quality = best is double b && optimum.Metrics is not null ? optimum.Metrics[metric] / b : null;
        int[] points = Comparison.CallCheckpoints(budget).Where(c => c <= found.BestSoFar.Count).ToArray();
        double? Quality(int calls) => optimum.Metrics is not null && double.IsFinite(found.BestSoFar[calls - 1]) ? optimum.Metrics[metric] / found.BestSoFar[calls - 1] : null;
        if (json)
        {
            io.WriteJson(new JsonObject
            {
                ["method"] = found.Method,
                ["task"] = task.Name,
                ["workload"] = condition.Workload.Spec,
                ["condition"] = new JsonObject(condition.ReportedValues().Select(p => new KeyValuePair<string, JsonNode?>(p.Key, CliIo.JsonNumber(p.Value)))),
                ["budget"] = budget,
                ["feasible"] = found.Best.Feasible,
                ["design"] = EvaluateCommand.DesignJson(model.Space, model.Space.ValuesOf(found.Best.Design)),
                ["metrics"] = EvaluateCommand.MetricsJson(model, found.Best.Metrics),
                ["calls"] = CliIo.CallsJson(found.Calls),
                ["milliseconds"] = Math.Round(found.Milliseconds, 1),
                ["optimum"] = optimum.Metrics is null ? null : CliIo.JsonNumber(optimum.Metrics[metric]),
                ["quality"] = quality,
                ["quality_after_calls"] = new JsonObject(points.Select(c => KeyValuePair.Create(c.ToString(CultureInfo.InvariantCulture), (JsonNode?)Quality(c)))),
            });
            return;
        }

        io.Output.WriteLine($"method     {found.Method} (task {task.Name}), budget {budget} designs");
        io.Output.WriteLine($"workload   {condition.Workload.Spec}");
        io.Output.WriteLine($"spent      {CliIo.Calls(found.Calls)} in {found.Milliseconds:F0} ms");
        io.Output.WriteLine(found.Best.Feasible ? $"best       {model.Space.Format(found.Best.Design)}" : $"no feasible design found; the least violating: {model.Space.Format(found.Best.Design)}");
        if (quality is double q)
        {
            io.Output.WriteLine($"quality    {q:F4} of the exact optimum ({metric}: the optimum {optimum.Metrics![metric]:N0}, this design {best:N0})");
            io.Output.WriteLine($"curve      {string.Join("  ", points.Select(c => $"{c}: {(Quality(c) is double v ? v.ToString("F3", CultureInfo.InvariantCulture) : "-")}"))}");
        }

        io.Console.Write(EvaluateCommand.MetricsTable(model, found.Best.Metrics));
    }
}
