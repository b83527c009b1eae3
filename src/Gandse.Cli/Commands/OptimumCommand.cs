using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Gandse.Conditions;
using Gandse.CostModels;
using Gandse.CostModels.Systolic;
using Gandse.Io;
using Gandse.Objectives;
using Gandse.Optimum;
using Gandse.Spaces;
using Gandse.Tasks;
using Gandse.Workloads;
using Gandse.Tasks.Systolic;

namespace Gandse.Cli.Commands;

/// <summary><c>gandse optimum</c>: the exact best design of a space for one query, by exhaustive batched enumeration.</summary>
public static class OptimumCommand
{
    public static Command Build()
    {
        var command = new Command(
            "optimum",
            "Find the exact best feasible design by evaluating every design of the space.\n"
            + "Examples:\n"
            + "  gandse optimum --workload gemm:M=1024,N=1024,K=1024 --mac-budget 1024\n"
            + "  gandse optimum -w conv:H=56,W=56,C=64,R=3,S=3,filters=64,padding=1 --mac-budget 4096 --sram-budget-kb 512 --json\n"
            + "  gandse optimum -w gemm:M=512,N=512,K=512 --objective cheapest-meeting-latency --target-latency 200000\n"
            + "  gandse optimum -w network:resnet50 --mac-budget 4096 --sram-budget-kb 1536\n"
            + "  gandse optimum -w topology:alexnet.csv --mac-budget 4096 --export-scalesim alexnet-scalesim");
        Option<string?> workload = CommonOptions.Workload(required: true);
        var conditions = new ConditionOptions();
        var objective = new Option<string>("--objective")
        {
            Description = "latency: least total_cycles, ties by energy. cheapest-meeting-latency: least area, then energy, with total_cycles ≤ --target-latency.",
            DefaultValueFactory = _ => "latency",
            HelpName = string.Join("|", SystolicObjectives.Names),
        };
        var fix = new Option<string?>("--fix") { Description = "Search only designs with these choices, e.g. dataflow=ws,rows=32.", HelpName = "k=v,…" };
        Option<string> space = CommonOptions.Space();
        Option<string?> export = ScaleSimOptions.ExportFolder();
        Option<bool> json = CommonOptions.Json();
        foreach (Option option in new Option[] { workload }.Concat(conditions.All).Concat(new Option[] { objective, fix, space, export, json }))
        {
            command.Options.Add(option);
        }

        command.SetAction(result =>
        {
            var io = new CliIo(result);
            string? exportFolder = ScaleSimOptions.CheckedExportFolder(result, export);
            SpaceEntry entry = SpaceCatalog.Get(result.GetValue(space)!);
            ICostModel model = entry.CostModel();
            Workload parsed = CommonOptions.ParseWorkload(result.GetValue(workload)!);
            Objective chosen = SystolicObjectives.ByName(result.GetValue(objective)!);
            // Targets are read only by the objectives that have them: a --target-latency next to --objective latency is refused.
            string owner = $"--objective {chosen.Name}";
            ConditionSchema reads = entry.Conditions.Where(f => f.Role != FieldRole.Target || chosen.Constraints.Any(c => c.Bound == f.Name));
            if (reads.Fields.FirstOrDefault(f => f.Role == FieldRole.Target) is ConditionField target)
            {
                reads = reads.With(target.Name, f => f with { Required = true });
            }

            Condition condition = reads.Build(parsed, conditions.Given(result, reads, owner), owner, ConditionOptions.Flag);
            if (parsed is Network network)
            {
                return OptimumNetwork.Run(io, model, network, condition, chosen, result.GetValue(fix) is not null, result.GetValue(json), exportFolder);
            }

            Dictionary<string, int> fixedChoices = ParseFixed(model.Space, result.GetValue(fix));
            OptimumResult optimum = new ExhaustiveOptimum(model, chosen).Find(condition.Values(), fixedChoices);
            Write(io, model, condition, chosen, optimum, result.GetValue(json));
            if (exportFolder is not null && optimum.Design is not null)
            {
                ScaleSimOptions.Export(io, exportFolder, model.Space, optimum.Design, condition);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Dictionary<string, int> ParseFixed(DesignSpace space, string? text) =>
        text is null
            ? new Dictionary<string, int>()
            : KeyValueList.Parse(text, "--fix").ToDictionary(p => space[p.Key].Name, p => space[p.Key].Parse(p.Value));

    private static void Write(CliIo io, ICostModel model, Condition condition, Objective objective, OptimumResult optimum, bool json)
    {
        DesignSpace space = model.Space;
        if (json)
        {
            var node = new JsonObject
            {
                ["workload"] = condition.Workload.Spec,
                ["objective"] = objective.Name,
                ["condition"] = new JsonObject(condition.ReportedValues().Select(p => new KeyValuePair<string, JsonNode?>(p.Key, CliIo.JsonNumber(p.Value)))),
                ["found"] = optimum.Found,
                ["design"] = optimum.Design is null ? null : EvaluateCommand.DesignJson(space, space.ValuesOf(optimum.Design)),
                ["metrics"] = optimum.Metrics is null ? null : EvaluateCommand.MetricsJson(model, optimum.Metrics),
                ["space_size"] = optimum.SpaceSize.ToString(CultureInfo.InvariantCulture),
                ["feasible_designs"] = optimum.FeasibleCount,
                ["evaluated_designs"] = optimum.EvaluatedCount,
                ["milliseconds"] = Math.Round(optimum.Elapsed.TotalMilliseconds, 3),
            };
            io.WriteJson(node);
            return;
        }

        io.Output.WriteLine($"workload   {condition.Workload.Spec}");
        io.Output.WriteLine($"objective  {objective.Name}: minimise {string.Join(", then ", objective.Minimise)}");
        string evaluated = optimum.EvaluatedCount is long count ? $"; {count:N0} evaluated in full, the rest ruled out by the model's bounds" : string.Empty;
        io.Output.WriteLine($"searched   {optimum.SpaceSize:N0} designs ({optimum.FeasibleCount:N0} within the budgets{evaluated}) in {optimum.Elapsed.TotalMilliseconds:F1} ms (first search in a process includes torch start-up)");
        if (optimum.Design is null || optimum.Metrics is null)
        {
            IEnumerable<string> relax = condition.Fields.Where(p => double.IsFinite(p.Value)).Select(p => SpaceCatalog.AllConditions.Find(p.Key))
                .Where(f => f is { Role: not FieldRole.Environment }).Select(f => f!.Flag);
            io.Output.WriteLine($"no feasible design: every design violates a budget or the target; relax {string.Join(", ", relax)}");
            return;
        }

        io.Output.WriteLine($"optimum    {space.Format(optimum.Design)}");
        io.Console.Write(EvaluateCommand.MetricsTable(model, optimum.Metrics));
    }
}
