using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Gandse.Config;
using Gandse.Data;
using Gandse.Tasks;
using Gandse.Tasks.Maestro;

namespace Gandse.Cli.Commands;

/// <summary>
/// <c>gandse import airchitect-v2</c>: the AIrchitect-v2 dataset checked against the maestro model and labelled
/// into the dataset an experiment trains and compares on.
/// </summary>
public static class ImportCommand
{
    public static Command Build()
    {
        var command = new Command("import", "Turn an existing dataset into Gandse's dataset format.");
        var airchitect = new Command(
            "airchitect-v2",
            "Import the AIrchitect-v2 dataset (conv_dataset_100k.csv: K,C,X,Y,R,S,df,ConfigID,rewards). Every row's labelled design is\n"
            + "evaluated with the maestro model and its runtime compared with the row's reward; then the experiment's dataset is built\n"
            + "from the file (split by layer, each condition's optimum found by enumerating all 768 designs and its label checked to be\n"
            + "one of them), so 'gandse train' and 'gandse compare' on that experiment find it cached. Interrupted labelling resumes.\n"
            + "Examples:\n"
            + "  gandse import airchitect-v2 --input ../shared/datasets/airchitect-v2/conv_dataset_100k.csv\n"
            + "  gandse import airchitect-v2 -i conv_dataset_100k.csv --experiment experiments/airchitect-v2.yaml --json");
        var input = new Option<string>("--input", "-i") { Description = "The dataset's conv CSV.", Required = true, HelpName = "file" };
        var experiment = new Option<string>("--experiment", "-e")
        {
            Description = "The experiment whose dataset to build (its data.* settings: splits, near-optimal sets); its data.source becomes --input.",
            DefaultValueFactory = _ => "experiments/airchitect-v2.yaml",
            HelpName = "file",
        };
        Option<bool> json = CommonOptions.Json();
        airchitect.Options.Add(input);
        airchitect.Options.Add(experiment);
        airchitect.Options.Add(json);
        airchitect.SetAction(result =>
        {
            var io = new CliIo(result);
            string path = result.GetValue(input)!;
            ExperimentConfig config = ConfigBinder.Load(result.GetValue(experiment)!, new[] { $"data.source={path}" });
            if (config.Task != AirchitectTask.TaskName)
            {
                throw new UsageException($"--experiment {result.GetValue(experiment)} is task {config.Task}; import airchitect-v2 builds the dataset of an {AirchitectTask.TaskName} experiment");
            }

            ConfigValidator.Validate(config);
            var clock = Stopwatch.StartNew();
            IReadOnlyList<AirchitectRow> rows = AirchitectCsv.Read(path);
            AirchitectImport.Report report = AirchitectImport.Check(rows, (done, total) => Progress(io, "checking rewards", done, total));
            var task = (AirchitectTask)TaskCatalog.Create(config);

            using var interrupt = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (_, e) =>
            {
                e.Cancel = !interrupt.IsCancellationRequested;
                interrupt.Cancel();
            };
            Console.CancelKeyPress += onCancel;
            using PosixSignalRegistration onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
            {
                context.Cancel = !interrupt.IsCancellationRequested;
                interrupt.Cancel();
            });
            Dataset dataset;
            bool fromCache;
            try
            {
                (dataset, fromCache) = DatasetBuilder.LoadOrBuild(config, task, (done, total) => Progress(io, "labelling", done, total), interrupt.Token);
            }
            catch (OperationCanceledException stopped) when (interrupt.IsCancellationRequested)
            {
                io.Error.WriteLine($"import: {stopped.Message}; run the same command again to go on");
                return ExitCodes.Interrupted;
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }

            Write(io, result.GetValue(json), report, dataset, fromCache, task.LabelCheck, DatasetBuilder.CachePath(config, task), clock.Elapsed);
            // A label the enumeration beats is the dataset's search (ConfuciuX's) missing a faster design, a finding
            // about the data; only a runtime the model computes differently from MAESTRO's reward is a failure.
            return report.Mismatches.Count == 0 && task.LabelCheck.RuntimeMismatches == 0 ? ExitCodes.Success : ExitCodes.Failure;
        });
        command.Subcommands.Add(airchitect);
        return command;
    }

    private static void Progress(CliIo io, string what, int done, int total)
    {
        if (done == total || done % Math.Max(1, total / 20) == 0)
        {
            io.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"import: {what} {done:N0}/{total:N0}"));
        }
    }

    private static void Write(CliIo io, bool json, AirchitectImport.Report report, Dataset dataset, bool fromCache, AirchitectLabelCheck check, string path, TimeSpan elapsed)
    {
        int[] ties = check.TieSizes.SelectMany(p => Enumerable.Repeat(p.Key, p.Value)).OrderBy(t => t).ToArray();
        if (json)
        {
            io.WriteJson(new JsonObject
            {
                ["rows"] = report.Rows,
                ["layers"] = report.Layers,
                ["reward_mismatches"] = report.Mismatches.Count,
                ["majority_config_id"] = report.MajorityConfigId,
                ["majority_share"] = report.MajorityShare,
                ["dataset"] = path,
                ["from_cache"] = fromCache,
                ["train"] = dataset.Train.Count,
                ["val"] = dataset.Val.Count,
                ["test"] = dataset.Test.Count,
                ["labels_checked"] = check.Checked,
                ["labels_not_optimal"] = check.NotOptimal,
                ["label_runtime_mismatches"] = check.RuntimeMismatches,
                ["ties_median"] = ties.Length > 0 ? ties[ties.Length / 2] : null,
                ["ties_max"] = ties.Length > 0 ? ties[^1] : null,
                ["seconds"] = Math.Round(elapsed.TotalSeconds, 1),
            });
            return;
        }

        var invariant = CultureInfo.InvariantCulture;
        io.Output.WriteLine(string.Create(invariant, $"read      {report.Rows:N0} rows, {report.Layers:N0} distinct layers"));
        io.Output.WriteLine(string.Create(invariant, $"rewards   {report.Rows - report.Mismatches.Count:N0} equal to the model's runtime of the labelled design, {report.Mismatches.Count:N0} differ"));
        foreach ((AirchitectRow row, double model) in report.Mismatches.Take(10))
        {
            io.Output.WriteLine(string.Create(invariant, $"          line {row.Line}: reward {row.Reward}, model {model}"));
        }

        io.Output.WriteLine(string.Create(invariant, $"majority  ConfigID {report.MajorityConfigId} is {report.MajorityShare:P1} of the labels (predicting it alone is that top-1)"));
        io.Output.WriteLine(string.Create(invariant, $"dataset   {path}: {dataset.Train.Count:N0} train, {dataset.Val.Count:N0} val, {dataset.Test.Count:N0} test conditions{(fromCache ? " (already built)" : string.Empty)}"));
        if (!fromCache)
        {
            io.Output.WriteLine(string.Create(invariant, $"labels    {check.Checked:N0} checked by enumerating all 768 designs: {check.NotOptimal:N0} not optimal, {check.RuntimeMismatches:N0} with another runtime"));
            if (check.NotOptimal > 0)
            {
                io.Output.WriteLine("          a label that is not optimal is the dataset's search missing a faster design; the fastest design is the label used");
            }

            io.Output.WriteLine(string.Create(invariant, $"ties      designs sharing the least runtime: median {(ties.Length > 0 ? ties[ties.Length / 2] : 0)}, max {(ties.Length > 0 ? ties[^1] : 0)}"));
            foreach (string example in check.Examples.Take(10))
            {
                io.Output.WriteLine($"          {example}");
            }
        }

        io.Output.WriteLine(string.Create(invariant, $"took      {elapsed.TotalSeconds:F0} s"));
    }
}
