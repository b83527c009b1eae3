using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Gandse.Conditions;
using Gandse.Methods;
using Gandse.Methods.Gan;
using Spectre.Console;

namespace Gandse.Cli.Commands;

/// <summary>
/// <c>gandse checkpoint info</c>: what a checkpoint is and what it reads: its task, step, seed and version, the
/// condition fields a query gives (with unit, default and allowed range) and the ranges it was trained on.
/// </summary>
public static class CheckpointInfoCommand
{
    public static Command Build()
    {
        var command = new Command(
            "info",
            "Show what a checkpoint is (task, step, validation score, seed, Gandse version) and the condition flags and CSV columns\n"
            + "a query for it may give, with their units, defaults, allowed ranges and the ranges it was trained on.\n"
            + "Examples:\n"
            + "  gandse checkpoint info -c checkpoints/systolic-latency-target\n"
            + "  gandse checkpoint info -c checkpoints/systolic-network --json");
        var checkpoint = new Option<string>("--checkpoint", "-c") { Description = "Checkpoint file, or a folder holding best.ckpt (else last.ckpt).", Required = true, HelpName = "path" };
        Option<bool> json = CommonOptions.Json();
        command.Options.Add(checkpoint);
        command.Options.Add(json);
        command.SetAction(result =>
        {
            var io = new CliIo(result);
            ITrainedMethod gan = TrainedMethods.Load(result.GetValue(checkpoint)!);
            CheckpointInfo info = gan.Info;
            var trained = gan.Task.TrainedRanges.ToDictionary(r => r.Name);
            if (result.GetValue(json))
            {
                io.WriteJson(new JsonObject
                {
                    ["checkpoint"] = gan.Path,
                    ["experiment"] = info.Experiment,
                    ["task"] = info.Task,
                    ["method"] = info.MethodName,
                    ["step"] = info.Step,
                    ["best_val_score"] = CliIo.JsonNumber(info.BestScore),
                    ["seed"] = info.Seed,
                    ["gandse_version"] = info.GandseVersion,
                    ["saved_at_utc"] = info.SavedAtUtc.ToString("O", CultureInfo.InvariantCulture),
                    ["conditions"] = new JsonArray(gan.Task.Conditions.Fields.Select(f => (JsonNode)new JsonObject
                    {
                        ["name"] = f.Name,
                        ["flag"] = f.Flag,
                        ["unit"] = f.Unit,
                        ["meaning"] = f.Meaning,
                        ["role"] = f.Role.ToString().ToLowerInvariant(),
                        ["required"] = f.Required,
                        ["default"] = f.Default is double d ? CliIo.JsonNumber(d) : null,
                        ["min"] = CliIo.JsonNumber(f.Min),
                        ["max"] = CliIo.JsonNumber(f.Max),
                        ["trained_min"] = trained.TryGetValue(f.Name, out var r) ? CliIo.JsonNumber(r.Min) : null,
                        ["trained_max"] = r is null ? null : CliIo.JsonNumber(r.Max),
                    }).ToArray()),
                });
                return ExitCodes.Success;
            }

            io.Output.WriteLine($"checkpoint  {gan.Path}");
            io.Output.WriteLine($"method      {info.MethodName}");
            io.Output.WriteLine($"task        {info.Task} (experiment {info.Experiment}), step {info.Step}, best validation score {CliIo.Number(info.BestScore)}, seed {info.Seed}");
            io.Output.WriteLine($"written by  Gandse {info.GandseVersion ?? "(before versions were recorded)"} at {info.SavedAtUtc:u}");
            var table = new Table().AddColumns("flag", "CSV column", "unit", "meaning", "default", "allowed", "trained on");
            foreach (ConditionField f in gan.Task.Conditions.Fields)
            {
                string trainedOn = trained.TryGetValue(f.Name, out var range) ? $"{ConditionField.Format(range.Min)}–{ConditionField.Format(range.Max)}" : "-";
                table.AddRow(f.Flag, f.Name, f.Unit, f.Meaning, f.DefaultText, $"{ConditionField.Format(f.Min)}–{ConditionField.Format(f.Max)}", trainedOn);
            }

            io.Console.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }
}
