using System.CommandLine;
using System.Text.Json.Nodes;
using Gandse.Config;
using Gandse.Data;
using Gandse.Methods.Gan;

namespace Gandse.Cli.Commands;

/// <summary>
/// <c>gandse checkpoint fit-ranker</c>: fits a ranking head to a trained GAN (what <c>gandse train</c> does after the
/// GAN's last step) and writes a weights-only copy that holds it, so <c>--ranker head</c> answers from it.
/// </summary>
public static class CheckpointFitRankerCommand
{
    public static Command Build()
    {
        var command = new Command(
            "fit-ranker",
            "Fit a ranking head to a GAN checkpoint: the generator proposes candidates for the training split's conditions, the exact\n"
            + "cost model labels them, and a small network learns how far each one's exact metrics lie above their closed-form bounds\n"
            + "(and whether a latency target holds). '--ranker head' then spends a budget of calls (--calls N) on the candidates it rates\n"
            + "best. Writes a weights-only copy (as 'checkpoint slim') holding the head; the validation split is only measured.\n"
            + "Examples:\n"
            + "  gandse checkpoint fit-ranker -c checkpoints/systolic-gemm -o /tmp/gemm-ranked.ckpt\n"
            + "  gandse checkpoint fit-ranker -c runs/ckpt/best.ckpt -o checkpoints/systolic-gemm/best.ckpt --set generate.ranker=head");
        var checkpoint = new Option<string>("--checkpoint", "-c") { Description = "GAN checkpoint file, or a folder holding best.ckpt (else last.ckpt).", Required = true, HelpName = "path" };
        var output = new Option<string>("--output", "-o") { Description = "Where to write the checkpoint with its head (may be the source file).", Required = true, HelpName = "file" };
        var set = new Option<string[]>("--set")
        {
            Description = "A fitting setting (train.ranking_head_*, e.g. --set train.ranking_head_steps=6000) or an answer-time default of the copy\n"
                + "(generate.*, e.g. --set generate.ranker=head; choose those on the validation split). Repeatable.",
            HelpName = "key=value",
            AllowMultipleArgumentsPerToken = false,
        };
        Option<bool> json = CommonOptions.Json();
        foreach (Option option in new Option[] { checkpoint, output, set, json })
        {
            command.Options.Add(option);
        }

        command.SetAction(result =>
        {
            var io = new CliIo(result);
            string destination = result.GetValue(output)!;
            CliPaths.CheckWritable(destination, "--output");
            TrainedGan gan = TrainedGan.Load(result.GetValue(checkpoint)!);
            string[] assignments = result.GetValue(set) ?? Array.Empty<string>();
            string? other = assignments.FirstOrDefault(a => !a.TrimStart().StartsWith("generate.", StringComparison.Ordinal) && !a.TrimStart().StartsWith("train.ranking_head_", StringComparison.Ordinal));
            if (other is not null)
            {
                throw new UsageException($"--set '{other}': fit-ranker takes train.ranking_head_* (how the head is fitted) and generate.* (the copy's answer-time defaults)");
            }

            string[] answerDefaults = assignments.Where(a => a.TrimStart().StartsWith("generate.", StringComparison.Ordinal)).ToArray();
            ExperimentConfig config = ConfigBinder.Parse(gan.Info.ConfigYaml, gan.Path, assignments.Where(a => !answerDefaults.Contains(a)), migrate: true);
            if (config.Train.RankingHeadSteps == 0)
            {
                throw new UsageException("train.ranking_head_steps is 0: set a positive number of fitting steps, e.g. --set train.ranking_head_steps=3000");
            }

            ConfigValidator.Validate(config);
            using var interrupt = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (_, e) =>
            {
                e.Cancel = !interrupt.IsCancellationRequested;
                interrupt.Cancel();
            };
            Console.CancelKeyPress += onCancel;
            try
            {
                (Dataset dataset, _) = DatasetBuilder.LoadOrBuild(config, gan.Task, (done, total) => Report(io, "dataset", done, total), interrupt.Token);
                (RankingHead head, RankingHeadInfo info) = RankingHeadFitting.Fit(
                    gan.Task, gan.Networks, config, dataset.Train, dataset.Val.Take(config.Train.ValQueries).ToList(),
                    progress: p => Report(io, p.Phase, p.Done, p.Total), cancellation: interrupt.Token);
                gan.SaveWithHead(destination, head, info, answerDefaults);
                Write(io, destination, info, result.GetValue(json));
                return ExitCodes.Success;
            }
            catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
            {
                io.Error.WriteLine($"fit-ranker: interrupted; nothing was written ({destination} is as it was)");
                return ExitCodes.Interrupted;
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }
        });
        return command;
    }

    private static void Report(CliIo io, string phase, int done, int total)
    {
        if (done == 1 || done == total || done % Math.Max(1, total / 10) == 0)
        {
            io.Error.WriteLine($"fit-ranker: {phase} [{done}/{total}]");
        }
    }

    private static void Write(CliIo io, string destination, RankingHeadInfo info, bool json)
    {
        if (json)
        {
            io.WriteJson(new JsonObject
            {
                ["output"] = destination,
                ["steps"] = info.Steps,
                ["conditions"] = info.Conditions,
                ["candidates"] = info.Candidates,
                ["temperatures"] = new JsonArray(info.Temperatures.Select(t => (JsonNode)JsonValue.Create(t)!).ToArray()),
                ["rows"] = info.Rows,
                ["val_abs_log2_error"] = info.ValAbsLog2Error,
                ["val_top_one_ratio"] = CliIo.JsonNumber(info.ValTopOneRatio),
                ["val_feasible_accuracy"] = info.ValFeasibleAccuracy,
                ["seconds"] = Math.Round(info.Seconds, 1),
            });
            return;
        }

        io.Output.WriteLine(FormattableString.Invariant(
            $"wrote {destination}: a ranking head fitted in {info.Seconds:F0} s on {info.Rows:N0} candidates of {info.Conditions:N0} training conditions (validation: |log2 error| {info.ValAbsLog2Error:F4}, top-1 ratio {info.ValTopOneRatio:F4}, constraints right {info.ValFeasibleAccuracy:P1}); answer with --ranker head"));
    }
}
