using System.CommandLine;
using Gandse.Config;

namespace Gandse.Cli.Commands;

/// <summary><c>gandse config show</c>: the resolved settings of an experiment (or the defaults) as YAML.</summary>
public static class ConfigCommand
{
    public static Command Build()
    {
        var command = new Command("config", "Inspect experiment settings.");
        var show = new Command(
            "show",
            "Print the resolved settings as YAML: the defaults, overridden by the experiment file, then by --set.\n"
            + "Examples:\n"
            + "  gandse config show\n"
            + "  gandse config show experiments/systolic-network.yaml --set train.steps=100");
        var experiment = new Argument<string?>("experiment") { Description = "Experiment config (YAML); omit for the defaults.", Arity = ArgumentArity.ZeroOrOne };
        var set = new Option<string[]>("--set") { Description = "Override a setting, e.g. --set train.steps=500 (repeatable).", HelpName = "key=value" };
        show.Arguments.Add(experiment);
        show.Options.Add(set);
        show.SetAction(result =>
        {
            string[] overrides = result.GetValue(set) ?? Array.Empty<string>();
            ExperimentConfig config = result.GetValue(experiment) is string path
                ? ConfigBinder.Load(path, overrides)
                : ConfigBinder.Parse(string.Empty, "defaults", overrides);
            ConfigValidator.Validate(config);
            Gandse.Tasks.TaskCatalog.Create(config);
            new CliIo(result).Output.Write(ConfigWriter.ToYaml(config));
            return ExitCodes.Success;
        });
        command.Subcommands.Add(show);
        return command;
    }
}
