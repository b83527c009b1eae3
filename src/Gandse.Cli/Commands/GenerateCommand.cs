using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Gandse.Conditions;
using Gandse.CostModels;
using Gandse.Harness;
using Gandse.Io;
using Gandse.Methods;
using Gandse.Methods.Gan;
using Gandse.Simulators;
using Gandse.Simulators.ScaleSim;
using Gandse.Spaces;
using Gandse.Tasks;
using Gandse.Workloads;
using Spectre.Console;

namespace Gandse.Cli.Commands;

/// <summary><c>gandse generate</c>: one-shot designs from a trained GAN, checked with the exact cost model.</summary>
public static class GenerateCommand
{
    public static Command Build()
    {
        var command = new Command(
            "generate",
            "Propose designs for a query in one shot: sample candidates from a trained generator, check them all with the exact cost model, return the best feasible.\n"
            + "The condition flags a checkpoint reads are its task's (gandse checkpoint info); any other is refused.\n"
            + "Examples:\n"
            + "  gandse generate --checkpoint checkpoints/systolic-gemm --workload gemm:M=512,N=1024,K=256 --mac-budget 4096\n"
            + "  gandse generate --checkpoint checkpoints/systolic-gemm -w gemm:M=64,N=64,K=4096 --count 3 --json\n"
            + "  gandse generate --checkpoint checkpoints/systolic-gemm --input queries.csv --output designs.csv\n"
            + "  gandse generate -c checkpoints/systolic-gemm -w gemm:M=512,N=1024,K=256 --verify-with scalesim --verify-top 4");
        var checkpoint = new Option<string>("--checkpoint", "-c") { Description = "Checkpoint file, or a folder holding best.ckpt (else last.ckpt).", Required = true, HelpName = "path" };
        Option<string?> workload = CommonOptions.Workload(required: false);
        var conditions = new ConditionOptions("the checkpoint's");
        var count = new Option<int>("--count", "-k") { Description = "How many distinct designs to return, best first.", DefaultValueFactory = _ => 1 };
        var candidates = new Option<int?>("--candidates") { Description = "Candidates sampled per query (default: the checkpoint's generate.candidates; 1,024 for the shipped checkpoints).", HelpName = "N" };
        var seed = new Option<long>("--seed") { Description = "Seed of the sampled noise; same seed, same designs.", DefaultValueFactory = _ => 0 };
        var input = new Option<string?>("--input", "-i") { Description = "CSV of queries ('-': standard input): M,N,K, conv fields or a workload column of specs, and a column per condition field the checkpoint reads (named as the flags, with underscores).", HelpName = "file" };
        var output = new Option<string?>("--output", "-o") { Description = "Where to write the designs CSV of --input (default, or '-': standard output); checked before any work.", HelpName = "file" };
        Option<double?> temperature = CommonOptions.Temperature();
        Option<double?> slotTemperature = CommonOptions.SlotTemperature();
        Option<bool?> completeMappings = CommonOptions.CompleteMappings();
        var verifyWith = new Option<string?>("--verify-with")
        {
            Description = "Re-rank the fast model's best designs with a real simulator and show both figures: scalesim (SCALE-Sim v2, one run per design and layer, cached).",
            HelpName = "scalesim",
        };
        var verifyTop = new Option<int>("--verify-top") { Description = "How many of the fast model's best distinct designs the simulator re-checks.", DefaultValueFactory = _ => 4, HelpName = "K" };
        Option<string?> scalesim = ScaleSimOptions.ScaleSimFolder();
        Option<double> timeout = CommonOptions.SimulatorTimeout();
        Option<string> simulatorCache = CommonOptions.SimulatorCache();
        Option<string?> export = ScaleSimOptions.ExportFolder();
        Option<int?> calls = CommonOptions.Calls();
        Option<string?> ranker = CommonOptions.Ranker();
        Option<bool> json = CommonOptions.Json();
        foreach (Option option in new Option[] { checkpoint, workload }.Concat(conditions.All).Concat(new Option[] { count, candidates, calls, ranker, seed, temperature, slotTemperature, completeMappings, input, output, verifyWith, verifyTop, scalesim, timeout, simulatorCache, export, json }))
        {
            command.Options.Add(option);
        }

        command.SetAction(result =>
        {
            var io = new CliIo(result);
            int k = result.GetValue(count);
            int? n = result.GetValue(candidates);
            if (k <= 0 || n is <= 0)
            {
                throw new UsageException($"--count and --candidates must be positive, got {k} and {n}");
            }

            CommonOptions.CheckCandidates(n);

            SimulatorRunner<ScaleSimCase>? runner = result.GetValue(verifyWith)?.Trim().ToLowerInvariant() switch
            {
                null => null,
                "scalesim" => ScaleSimOptions.ScaleSimRunner(result, scalesim, timeout, simulatorCache),
                string other => throw new UsageException($"--verify-with '{other}' is not allowed; allowed: scalesim"),
            };
            int top = result.GetValue(verifyTop);
            if (top <= 0)
            {
                throw new UsageException($"--verify-top must be positive, got {top}");
            }

            if (result.GetValue(output) is not null && result.GetValue(input) is null)
            {
                throw new UsageException("--output writes the designs CSV of an --input batch; for one query leave it out (or add --json)");
            }

            string? outputPath = CliPaths.Output(result.GetValue(output), "--output");
            string? exportFolder = ScaleSimOptions.CheckedExportFolder(result, export);

            ITrainedMethod gan = TrainedMethods.Load(result.GetValue(checkpoint)!);
            IMethod method = CommonOptions.TrainedMethod(result, gan, result.GetValue(seed), temperature, slotTemperature, ranker);
            int callLimit = CommonOptions.CallLimit(result, calls, gan);
            // Warms up torch and the JIT untimed; its own sampler, so the answers do not depend on the warm-up.
            IMethod warmUp = CommonOptions.TrainedMethod(result, gan, result.GetValue(seed), temperature, slotTemperature, ranker);
            bool complete = result.GetValue(completeMappings) ?? gan.Config.Generate.CompleteMappings;
            int perQuery = n ?? gan.Config.Generate.Candidates;
            if (result.GetValue(input) is string inputPath)
            {
                if (result.GetValue(workload) is not null)
                {
                    throw new UsageException("--input reads the queries from a CSV; leave out --workload");
                }

                if (conditions.FirstGiven(result) is string perQueryFlag)
                {
                    throw new UsageException($"--input reads each query's conditions from the CSV, so {perQueryFlag} would be ignored; put it in a column instead");
                }

                if (runner is not null || exportFolder is not null)
                {
                    throw new UsageException($"{(runner is not null ? "--verify-with" : "--export-scalesim")} works on one query's designs; leave out --input");
                }

                return GenerateCsv(io, gan, method, warmUp, QueryCsv.Read(inputPath, gan.Task, SpaceCatalog.AllConditions), perQuery, outputPath, complete, callLimit);
            }

            string spec = result.GetValue(workload) ?? throw new UsageException("give --workload or --input; see 'gandse generate --help'");
            string owner = $"this checkpoint (task {gan.Task.Name})";
            Condition query = gan.Task.Query(
                CommonOptions.ParseWorkload(spec), conditions.Given(result, gan.Task.Conditions, owner), ConditionOptions.Flag);
            IReadOnlyList<string> outside = TrainingRange.Outside(gan.Task, query);
            if (outside.Count > 0)
            {
                io.Error.WriteLine($"warning: {string.Join(", ", outside)}: outside what this checkpoint trained on; the answer is checked exactly but may be far from the optimum");
            }

            // One untimed answer of the same size first, so the timed one excludes torch's and the JIT's one-time
            // start-up and first allocations, as every later query in a process would.
            Scorer.Answer(gan.Task, warmUp, new[] { query }, perQuery, 1, complete, out _, out _, callLimit);
            var stopwatch = Stopwatch.StartNew();
            IReadOnlyList<RankedCandidate> designs = Scorer.Answer(gan.Task, method, new[] { query }, perQuery, runner is null ? k : Math.Max(k, top), complete, out long checkedCount, out IReadOnlyList<EvaluationCount> charged, callLimit)[0];
            double milliseconds = stopwatch.Elapsed.TotalMilliseconds;
            if (runner is not null)
            {
                GenerateVerification.Write(io, gan, query, designs.Take(top).ToList(), runner, result.GetValue(json));
                return ExitCodes.Success;
            }

            Write(io, gan, query, designs, perQuery, checkedCount, callLimit, charged[0], milliseconds, result.GetValue(json));
            if (exportFolder is not null && designs.Count > 0)
            {
                ScaleSimOptions.Export(io, exportFolder, gan.Task.Space, designs[0].Design, query);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void Write(CliIo io, ITrainedMethod gan, Condition query, IReadOnlyList<RankedCandidate> designs, int candidates, long checkedCount, int? callLimit, EvaluationCount calls, double milliseconds, bool json)
    {
        DesignSpace space = gan.Task.Space;
        if (json)
        {
            io.WriteJson(new JsonObject
            {
                ["checkpoint"] = gan.Path,
                ["task"] = gan.Task.Name,
                ["workload"] = query.Workload.Spec,
                ["condition"] = new JsonObject(query.ReportedValues().Select(p => new KeyValuePair<string, JsonNode?>(p.Key, CliIo.JsonNumber(p.Value)))),
                ["candidates"] = candidates,
                ["checked"] = checkedCount,
                ["calls"] = CliIo.CallsJson(calls),
                ["milliseconds"] = Math.Round(milliseconds, 3),
                ["designs"] = new JsonArray(designs.Select(d =>
                {
                    var node = new JsonObject
                    {
                        ["design"] = query.Workload is Network ? NetworkDesigns.HardwareJson(space, d.Design) : EvaluateCommand.DesignJson(space, space.ValuesOf(d.Design)),
                        ["metrics"] = new JsonObject(gan.Task.MetricNames.Select(m => new KeyValuePair<string, JsonNode?>(m, CliIo.JsonNumber(d.Metrics[m])))),
                        ["feasible"] = d.Feasible,
                    };
                    if (query.Workload is Network network)
                    {
                        node["layers"] = NetworkReport.LayersJson(NetworkDesigns.Evaluate(space, network, d.Design, query));
                    }

                    return (JsonNode)node;
                }).ToArray()),
            });
            return;
        }

        io.Output.WriteLine($"query      {query.Workload.Spec}  {string.Join(" ", query.Fields.Select(p => $"{p.Key}={gan.Task.Conditions.Find(p.Key)?.Show(p.Value) ?? Show(p.Value)}"))}");
        string skipped = checkedCount >= candidates ? string.Empty
            : callLimit is int limit && limit > 0 && checkedCount >= limit ? $" (the first {limit} distinct, --calls {limit})"
            : " (no other could rank, by its lower bounds)";
        io.Output.WriteLine($"answered   in {milliseconds:F1} ms: {candidates} candidates, {checkedCount} checked with the exact cost model{skipped}");
        io.Output.WriteLine($"calls      {CliIo.Calls(calls)}");
        if (!designs[0].Feasible)
        {
            io.Output.WriteLine("no candidate is feasible: the nearest one is shown, marked infeasible; relax the budgets or the target, or raise --candidates");
        }

        // One column per parameter; a network's per-layer dataflows share one column.
        List<Parameter> shown = space.Parameters.Take(space.Parameters.Count <= 8 ? space.Parameters.Count : 5).ToList();
        // What decides the ranking (the keys, the tie-break, the metrics constraints bound), and utilisation where the task has it.
        string[] metrics = gan.Task.Objective.RankingKeys.Concat(gan.Task.Objective.ModelledMetrics)
            .Concat(gan.Task.MetricNames.Where(m => m == "utilization")).Distinct().ToArray();
        var table = new Table().AddColumn("#");
        shown.ForEach(p => table.AddColumn(p.Name));
        if (shown.Count < space.Parameters.Count)
        {
            table.AddColumn("dataflows");
        }

        table.AddColumn("feasible");
        foreach (string metric in metrics)
        {
            table.AddColumn(new TableColumn(metric).RightAligned());
        }

        for (int i = 0; i < designs.Count; i++)
        {
            Design design = designs[i].Design;
            var cells = new List<string> { (i + 1).ToString(CultureInfo.InvariantCulture) };
            cells.AddRange(shown.Select(p => p.Format(design[space.IndexOf(p.Name)])));
            if (shown.Count < space.Parameters.Count)
            {
                int layers = query.Workload is Workloads.Network network ? network.Layers.Count : space.Parameters.Count - shown.Count;
                cells.Add(string.Join(",", space.Parameters.Skip(shown.Count).Take(layers).Select(p => p.Format(design[space.IndexOf(p.Name)]))));
            }

            cells.Add(designs[i].Feasible ? "yes" : "[red]NO[/]");
            cells.AddRange(metrics.Select(m => Figure(designs[i].Metrics[m])));
            table.AddRow(cells.ToArray());
        }

        io.Console.Write(table);
        if (query.Workload is Network shownNetwork)
        {
            io.Output.WriteLine("design 1, layer by layer:");
            io.Console.Write(NetworkReport.LayersTable(NetworkDesigns.Evaluate(space, shownNetwork, designs[0].Design, query)));
        }
    }

    private static int GenerateCsv(CliIo io, ITrainedMethod gan, IMethod method, IMethod warmUp, QueryCsv queries, int candidates, string? outputPath, bool complete, int callLimit)
    {
        DesignSpace space = gan.Task.Space;
        int outsideCount = queries.Conditions.Count(c => TrainingRange.Outside(gan.Task, c).Count > 0);
        if (outsideCount > 0)
        {
            int first = queries.Conditions.Select((c, i) => (c, i)).First(p => TrainingRange.Outside(gan.Task, p.c).Count > 0).i;
            io.Error.WriteLine(
                $"warning: {outsideCount} of {queries.Conditions.Count} queries lie outside what this checkpoint trained on (the first, row {first + 1}: {string.Join(", ", TrainingRange.Outside(gan.Task, queries.Conditions[first]))}); their answers are checked exactly but may be far from the optimum");
        }

        if (queries.Conditions.Count > 0)
        {
            Scorer.Answer(gan.Task, warmUp, new[] { queries.Conditions[0] }, candidates, 1, complete, out _, out _, callLimit);
        }

        var lines = new List<string>
        {
            string.Join(",", queries.Header.Concat(space.Parameters.Select(p => p.Name)).Concat(gan.Task.MetricNames).Append("feasible").Append("milliseconds")),
        };
        for (int q = 0; q < queries.Conditions.Count; q++)
        {
            var stopwatch = Stopwatch.StartNew();
            RankedCandidate best = Scorer.Answer(gan.Task, method, new[] { queries.Conditions[q] }, candidates, 1, complete, out _, out _, callLimit)[0][0];
            double milliseconds = stopwatch.Elapsed.TotalMilliseconds;
            var line = new StringBuilder();
            line.AppendJoin(',', queries.Rows[q]);
            foreach (Parameter parameter in space.Parameters)
            {
                line.Append(',').Append(parameter.Format(best.Design[space.IndexOf(parameter.Name)]));
            }

            foreach (string metric in gan.Task.MetricNames)
            {
                line.Append(',').Append(CliIo.Number(best.Metrics[metric]));
            }

            line.Append(',').Append(best.Feasible ? "true" : "false").Append(',').Append(milliseconds.ToString("F3", CultureInfo.InvariantCulture));
            lines.Add(line.ToString());
        }

        if (outputPath is null)
        {
            lines.ForEach(io.Output.WriteLine);
        }
        else
        {
            AtomicFile.Write(outputPath, writer => lines.ForEach(writer.WriteLine));
            io.Error.WriteLine($"generated designs for {queries.Conditions.Count} queries → {outputPath}");
        }

        return ExitCodes.Success;
    }

    private static string Show(double value) => double.IsFinite(value) ? CliIo.Number(value) : "unbounded";

    /// <summary>Counts and large figures whole, with thousands separators; small ones (utilisation) to four significant digits.</summary>
    private static string Figure(double value) =>
        value == Math.Floor(value) || Math.Abs(value) >= 1000 ? value.ToString("N0", CultureInfo.InvariantCulture) : value.ToString("G4", CultureInfo.InvariantCulture);
}
