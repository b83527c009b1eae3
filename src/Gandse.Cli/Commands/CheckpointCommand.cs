using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Gandse.Methods.Gan;

namespace Gandse.Cli.Commands;

/// <summary>
/// <c>gandse checkpoint slim</c>: a weights-only copy of a checkpoint, for shipping; <c>checkpoint info</c>
/// (<see cref="CheckpointInfoCommand"/>) and <c>checkpoint fit-ranker</c> (<see cref="CheckpointFitRankerCommand"/>).
/// </summary>
public static class CheckpointCommand
{
    public static Command Build()
    {
        var command = new Command("checkpoint", "Work with GAN checkpoints.");
        var slim = new Command(
            "slim",
            "Write a weights-only copy of a checkpoint: no optimiser or sampler state, about a third of the size. It generates and\n"
            + "evaluates exactly as the original (same seed, same designs) but training cannot resume from it.\n"
            + "Examples:\n"
            + "  gandse checkpoint slim -c runs/ckpt/best.ckpt --output checkpoints/systolic-gemm/best.ckpt\n"
            + "  gandse checkpoint slim -c checkpoints/systolic-gemm --output /tmp/gemm-slim.ckpt --json\n"
            + "  gandse checkpoint slim -c runs/ckpt/best.ckpt -o checkpoints/systolic-network/best.ckpt --set generate.candidates=16384");
        var checkpoint = new Option<string>("--checkpoint", "-c") { Description = "Checkpoint file, or a folder holding best.ckpt (else last.ckpt).", Required = true, HelpName = "path" };
        var output = new Option<string>("--output", "-o") { Description = "Where to write the weights-only checkpoint (may be the source file).", Required = true, HelpName = "file" };
        var set = new Option<string[]>("--set")
        {
            Description = "Change an answer-time default of the copy, e.g. --set generate.candidates=4096 (generate.* only; repeatable). Choose them on the validation split.",
            HelpName = "generate.key=value",
            AllowMultipleArgumentsPerToken = false,
        };
        Option<bool> json = CommonOptions.Json();
        slim.Options.Add(set);
        slim.Options.Add(checkpoint);
        slim.Options.Add(output);
        slim.Options.Add(json);
        slim.SetAction(result =>
        {
            var io = new CliIo(result);
            string destination = result.GetValue(output)!;
            CliPaths.CheckWritable(destination, "--output");
            TrainedGan gan = TrainedGan.Load(result.GetValue(checkpoint)!);
            long before = new FileInfo(gan.Path).Length;
            gan.SaveWeightsOnly(destination, result.GetValue(set) ?? Array.Empty<string>());
            long after = new FileInfo(destination).Length;
            if (result.GetValue(json))
            {
                io.WriteJson(new JsonObject { ["source"] = gan.Path, ["output"] = destination, ["source_bytes"] = before, ["output_bytes"] = after, ["step"] = gan.Info.Step });
            }
            else
            {
                io.Output.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"wrote {destination}: {after / 1e6:F1} MB (from {before / 1e6:F1} MB), step {gan.Info.Step}; generate and eval load it, train --resume does not"));
            }

            return ExitCodes.Success;
        });
        command.Subcommands.Add(slim);
        command.Subcommands.Add(CheckpointInfoCommand.Build());
        command.Subcommands.Add(CheckpointFitRankerCommand.Build());
        return command;
    }
}
