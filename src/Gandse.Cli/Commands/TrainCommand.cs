using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Gandse.Config;
using Gandse.Harness;
using Gandse.Methods;
using Gandse.Methods.Gan;
using Spectre.Console;

namespace Gandse.Cli.Commands;

/// <summary><c>gandse train EXPERIMENT.yaml</c>: dataset, surrogate and GAN training with checkpoints and TensorBoard logs.</summary>
public static class TrainCommand
{
    public static Command Build()
    {
        var command = new Command(
            "train",
            "Train GANDSE from an experiment config: build (or load) the dataset, fit the surrogate (and, for networks, the per-layer head), train the GAN.\n"
            + "Writes runs/<experiment>-<time>-s<seed>/ (config.yaml, run.json with seed and Gandse version, metrics.csv, TensorBoard events) and checkpoints/<experiment>/{last,best}.ckpt.\n"
            + "Examples:\n"
            + "  gandse train experiments/systolic-gemm.yaml\n"
            + "  gandse train experiments/systolic-gemm.yaml --set train.steps=500 --set seed=3\n"
            + "  gandse train experiments/systolic-gemm.yaml --resume --max-steps 6000\n"
            + "  tensorboard --logdir runs");
        var experiment = new Argument<string>("experiment") { Description = "Experiment config (YAML); keys not given take the defaults listed in the README." };
        var set = new Option<string[]>("--set") { Description = "Override a setting, e.g. --set train.steps=500 (repeatable; lists as [1, 2]).", HelpName = "key=value", AllowMultipleArgumentsPerToken = false };
        var maxSteps = new Option<string?>("--max-steps") { Description = "Total GAN steps (same as --set train.steps=N).", HelpName = "N" };
        var runDir = new Option<string?>("--run-dir") { Description = "Run folder (default runs/<experiment>-<time>-s<seed>).", HelpName = "dir" };
        var checkpointDir = new Option<string?>("--checkpoint-dir") { Description = "Checkpoint folder (default checkpoints/<experiment>).", HelpName = "dir" };
        var resume = new Option<bool>("--resume") { Description = "Continue from <checkpoint-dir>/last.ckpt with its saved config, optimiser and RNG state." };
        command.Arguments.Add(experiment);
        foreach (Option option in new Option[] { set, maxSteps, runDir, checkpointDir, resume })
        {
            command.Options.Add(option);
        }

        command.SetAction(result =>
        {
            var io = new CliIo(result);
            var overrides = (result.GetValue(set) ?? Array.Empty<string>()).ToList();
            if (result.GetValue(maxSteps) is string steps)
            {
                overrides.Add($"train.steps={CommonOptions.PositiveInteger(steps, "--max-steps")}");
            }

            ExperimentConfig config = ConfigBinder.Load(result.GetValue(experiment)!, overrides);
            string? checkpoints = result.GetValue(checkpointDir);
            bool resuming = result.GetValue(resume);
            if (resuming)
            {
                string last = Path.Combine(checkpoints ?? Path.Combine("checkpoints", config.Experiment), GanCheckpoint.LastFile);
                if (!File.Exists(last))
                {
                    throw new UsageException($"--resume: no checkpoint at '{last}'");
                }

                // A resumed run must train the same model on the same data: only train.* and generate.* may change.
                string? reshaping = overrides.Select(o => o.Split('=')[0].Trim())
                    .FirstOrDefault(k => !k.StartsWith("train.", StringComparison.Ordinal) && !k.StartsWith("generate.", StringComparison.Ordinal));
                if (reshaping is not null)
                {
                    throw new UsageException($"--resume continues the saved run, so --set {reshaping} cannot change; only train.* and generate.* may (start a new run, without --resume, to change it)");
                }

                CheckpointInfo saved = GanCheckpoint.ReadInfo(last);
                config = ConfigBinder.Parse(saved.ConfigYaml, last, overrides, migrate: true);
                string best = Path.Combine(Path.GetDirectoryName(last)!, GanCheckpoint.BestFile);
                // A run stopped while fitting its ranking head has all its steps but a best.ckpt without the head: resuming fits it.
                bool headPending = config.Train.RankingHeadSteps > 0 && File.Exists(best) && GanCheckpoint.ReadInfo(best).RankingHead is null;
                if (saved.Step >= config.Train.Steps && !headPending)
                {
                    throw new UsageException($"--resume: {last} is already at step {saved.Step} and train.steps is {config.Train.Steps}, so there is nothing to train; give --max-steps above {saved.Step}");
                }
            }

            ConfigValidator.Validate(config);

            Gandse.Tasks.TaskCatalog.Create(config);
            CliPaths.CheckFolder(checkpoints ?? Path.Combine("checkpoints", config.Experiment), "--checkpoint-dir");
            if (result.GetValue(runDir) is string runFolder)
            {
                CliPaths.CheckFolder(runFolder, "--run-dir");
            }

            using var interrupt = new CancellationTokenSource();
            int? signal = null;
            ConsoleCancelEventHandler onCancel = (_, e) =>
            {
                // First Ctrl-C: finish the step, save last.ckpt, stop. A second one kills the process.
                e.Cancel = !interrupt.IsCancellationRequested;
                signal ??= ExitCodes.Interrupted;
                interrupt.Cancel();
            };
            Console.CancelKeyPress += onCancel;

            // A scheduler's time limit or a plain `kill` sends SIGTERM: stop the same way, so no steps are lost.
            using PosixSignalRegistration onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
            {
                context.Cancel = !interrupt.IsCancellationRequested;
                signal ??= ExitCodes.Terminated;
                interrupt.Cancel();
            });
            TrainResult trained;
            try
            {
                trained = Run(io, config, new TrainOptions(HarnessValidator.Instance, result.GetValue(runDir), checkpoints, resuming, Cancellation: interrupt.Token));
            }
            catch (OperationCanceledException stopped) when (interrupt.IsCancellationRequested)
            {
                // Labelling or pre-training stopped promptly; what is kept is named in the message.
                io.Error.WriteLine($"train: {stopped.Message}");
                return signal ?? ExitCodes.Interrupted;
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }

            Report(io, trained);
            // An interrupted run saved what it had, but did not finish: scripts must not read it as success.
            return trained.Interrupted ? signal ?? ExitCodes.Interrupted : ExitCodes.Success;
        });
        return command;
    }

    private static TrainResult Run(CliIo io, ExperimentConfig config, TrainOptions options)
    {
        if (io.IsInteractive)
        {
            TrainResult? result = null;
            io.Console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .Start(context =>
                {
                    var tasks = new Dictionary<string, ProgressTask>();
                    ValidationScore? latest = null;
                    result = MethodTrainer.Train(config, options with
                    {
                        Progress = progress =>
                        {
                            // Validation comes every train.eval_every steps; the bar keeps the latest in view between them.
                            latest = progress.Validation ?? latest;
                            progress = progress with { Validation = latest };
                            if (!tasks.TryGetValue(progress.Phase, out ProgressTask? task))
                            {
                                task = tasks[progress.Phase] = context.AddTask(progress.Phase, maxValue: progress.Total);
                            }

                            task.Value = progress.Done;
                            task.Description = Describe(progress);
                        },
                    });
                });
            return result!;
        }

        var lastReport = new Dictionary<string, int>();
        return MethodTrainer.Train(config, options with
        {
            Progress = progress =>
            {
                int tenth = progress.Total >= 10 ? progress.Done * 10 / progress.Total : progress.Done;
                if (progress.Validation is not null || !lastReport.TryGetValue(progress.Phase, out int last) || tenth > last || progress.Done == progress.Total)
                {
                    lastReport[progress.Phase] = tenth;
                    io.Error.WriteLine($"train: {Markup.Remove(Describe(progress))} [{progress.Done}/{progress.Total}]");
                }
            },
        });
    }

    private static string Describe(TrainProgress progress)
    {
        var invariant = CultureInfo.InvariantCulture;
        return progress.Phase switch
        {
            "dataset" => "labelling conditions with their exact optima",
            "surrogate" => $"surrogate  mse {progress.GeneratorLoss?.ToString("F4", invariant)}",
            "mapping" => $"per-layer head  cross-entropy {progress.GeneratorLoss?.ToString("F4", invariant)}",
            "gan" => $"gan  D {progress.DiscriminatorLoss?.ToString("F3", invariant)}  G {progress.GeneratorLoss?.ToString("F3", invariant)}" + Validation(progress),
            _ => $"{progress.Phase}" + Validation(progress),
        };
    }

    private static string Validation(TrainProgress progress) =>
        progress.Validation is ValidationScore v
            ? string.Create(CultureInfo.InvariantCulture, $"  val score {v.Score:F4} feasible {v.FeasibleRate:P0} quality {v.Quality:F4}")
            : string.Empty;

    private static void Report(CliIo io, TrainResult trained)
    {
        if (trained.Interrupted)
        {
            io.Output.WriteLine($"interrupted at step {trained.Step}: saved {Path.Combine(trained.CheckpointDirectory, GanCheckpoint.LastFile)}; continue with the same command and --resume");
        }

        string what = trained.Method == "gan" ? $"{trained.Step} steps" : trained.Method;
        io.Output.WriteLine($"{(trained.Interrupted ? "stopped after" : "trained")} {what} in {trained.Elapsed.TotalSeconds:F0} s (dataset {(trained.DatasetFromCache ? "from cache" : "built")})");
        if (trained.Validation is ValidationScore v)
        {
            io.Output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"validation: feasible {v.FeasibleRate:P1}, quality {v.Quality:F4}, exact match {v.ExactMatch:P1}, best score {trained.BestScore:F4}"));
        }

        io.Output.WriteLine($"run         {trained.RunDirectory}  (tensorboard --logdir {Path.GetDirectoryName(trained.RunDirectory)})");
        io.Output.WriteLine($"checkpoints {trained.CheckpointDirectory}");
    }
}
