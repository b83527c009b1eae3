using System.CommandLine;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Gandse.Config;
using Gandse.Harness;
using Gandse.Methods.Gan;
using Spectre.Console;

namespace Gandse.Cli.Commands;

/// <summary><c>gandse compare</c>: every method on the same held-out queries, seeds and budgets; report, CSV, JSON, plots.</summary>
public static class CompareCommand
{
    public static Command Build()
    {
        var command = new Command(
            "compare",
            "Compare methods on the same held-out queries, seeds and budget of distinct designs per query; every cost-model call each causes is measured.\n"
            + "Writes report.md, results.csv, results.json, PNG plots and TensorBoard scalars. Methods (compare.methods; settings under methods.*):\n"
            + string.Concat(Gandse.Methods.MethodCatalog.Names.Select(n => $"  {n,-13} {Gandse.Methods.MethodCatalog.Get(n).Description}\n"))
            + "Examples:\n"
            + "  gandse compare experiments/compare-systolic-gemm.yaml\n"
            + "  gandse compare experiments/compare-systolic-gemm.yaml --seeds 1 --set compare.queries=20 --out /tmp/cmp --json");
        var experiment = new Argument<string>("experiment") { Description = "Experiment config (YAML) with a compare section." };
        var set = new Option<string[]>("--set") { Description = "Override a setting, e.g. --set compare.budget=256 (repeatable).", HelpName = "key=value" };
        var seeds = new Option<string?>("--seeds") { Description = "Seeds per method (same as --set compare.seeds=N).", HelpName = "N" };
        var output = new Option<string?>("--out") { Description = "Output folder (default runs/compare-<experiment>-<time>).", HelpName = "dir" };
        var resume = new Option<bool>("--resume") { Description = "Continue an interrupted comparison in --out: its finished method runs are kept, the rest run (same settings required)." };
        Option<bool> json = CommonOptions.Json();
        command.Arguments.Add(experiment);
        foreach (Option option in new Option[] { set, seeds, output, resume, json })
        {
            command.Options.Add(option);
        }

        command.SetAction(result =>
        {
            var io = new CliIo(result);
            var overrides = (result.GetValue(set) ?? Array.Empty<string>()).ToList();
            if (result.GetValue(seeds) is string count)
            {
                overrides.Add($"compare.seeds={CommonOptions.PositiveInteger(count, "--seeds")}");
            }

            ExperimentConfig config = ConfigBinder.Load(result.GetValue(experiment)!, overrides);
            ConfigValidator.Validate(config);
            Gandse.Tasks.TaskCatalog.Create(config);
            if (config.Compare.Methods.Contains("gan") && config.Methods.Gan.Checkpoint.Length > 0)
            {
                GanCheckpoint.Resolve(config.Methods.Gan.Checkpoint);
            }

            bool resuming = result.GetValue(resume);
            if (resuming && result.GetValue(output) is null)
            {
                throw new UsageException("--resume continues the comparison in --out; give the folder of the interrupted run");
            }

            string directory = result.GetValue(output) ?? Path.Combine("runs", $"compare-{config.Experiment}-{DateTime.Now:yyyyMMdd-HHmmss}");
            CliPaths.CheckFolder(directory, "--out");
            if (resuming)
            {
                ComparisonProgress.Load(directory, config);
            }

            // Ctrl-C or SIGTERM: finish the current query, keep the finished method runs, report them as partial.
            using var interrupt = new CancellationTokenSource();
            int? signal = null;
            ConsoleCancelEventHandler onCancel = (_, e) =>
            {
                e.Cancel = !interrupt.IsCancellationRequested;
                signal ??= ExitCodes.Interrupted;
                interrupt.Cancel();
            };
            Console.CancelKeyPress += onCancel;
            using PosixSignalRegistration onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
            {
                context.Cancel = !interrupt.IsCancellationRequested;
                signal ??= ExitCodes.Terminated;
                interrupt.Cancel();
            });
            ComparisonResult compared;
            try
            {
                compared = Comparison.Run(config, directory, message => io.Error.WriteLine($"compare: {message}"), interrupt.Token, resuming);
            }
            catch (OperationCanceledException stopped)
            {
                io.Error.WriteLine($"compare: {stopped.Message}");
                return signal ?? ExitCodes.Interrupted;
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }

            if (compared.Partial && compared.Runs.Count == 0)
            {
                io.Error.WriteLine($"compare: interrupted before any method run finished; nothing to report. Run again with --resume --out {directory}");
                return signal ?? ExitCodes.Interrupted;
            }

            IReadOnlyList<string> written = ComparisonReport.Write(compared, directory);
            if (compared.Partial)
            {
                io.Error.WriteLine($"compare: interrupted; the report in {directory} covers the {compared.Runs.Count} finished method runs and says so. Continue with --resume --out {directory}");
                return signal ?? ExitCodes.Interrupted;
            }

            ComparisonProgress.Finish(directory);
            if (result.GetValue(json))
            {
                io.Output.WriteLine(File.ReadAllText(Path.Combine(directory, "results.json")));
                return ExitCodes.Success;
            }

            IReadOnlyList<string[]> rows = ComparisonReport.Table(compared, MethodAggregate.Of(compared));
            var table = new Table().Title($"{compared.Task}: {compared.Queries} {(config.Compare.Split == "val" ? "validation" : "test")} queries, at most {config.Compare.Budget} distinct designs each, {config.Compare.Seeds} seed(s)");
            foreach (string column in rows[0])
            {
                table.AddColumn(column);
            }

            foreach (string[] row in rows.Skip(1))
            {
                table.AddRow(row.Select(Markup.Escape).ToArray());
            }

            io.Console.Write(table);
            io.Output.WriteLine($"wrote {string.Join(", ", written.Select(Path.GetFileName))} to {Path.GetFullPath(directory)} in {compared.Elapsed.TotalMinutes:F1} min");
            return ExitCodes.Success;
        });
        return command;
    }
}
