using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using Gandse.Cli.Commands;

namespace Gandse.Cli;

/// <summary>The command tree, declared in one place, and the one entry point that runs it.</summary>
public static class GandseCli
{
    public static RootCommand Build()
    {
        var root = new RootCommand(
            "Gandse: design-space exploration of deep-learning accelerators with deep generative models.");
        root.Subcommands.Add(SpaceCommand.Build());
        root.Subcommands.Add(NetworksCommand.Build());
        root.Subcommands.Add(EvaluateCommand.Build());
        root.Subcommands.Add(OptimumCommand.Build());
        root.Subcommands.Add(SearchCommand.Build());
        root.Subcommands.Add(ConfigCommand.Build());
        root.Subcommands.Add(ImportCommand.Build());
        root.Subcommands.Add(TrainCommand.Build());
        root.Subcommands.Add(GenerateCommand.Build());
        root.Subcommands.Add(EvalCommand.Build());
        root.Subcommands.Add(CompareCommand.Build());
        root.Subcommands.Add(CheckpointCommand.Build());
        root.Subcommands.Add(BenchCommand.Build());
        return root;
    }

    /// <summary>The command as typed from the root, "gandse checkpoint slim" say.</summary>
    private static string CommandPath(CommandResult command)
    {
        var names = new List<string>();
        for (SymbolResult? result = command; result is CommandResult { Command: not RootCommand } sub; result = sub.Parent)
        {
            names.Insert(0, sub.Command.Name);
        }

        return string.Join(' ', names.Prepend("gandse"));
    }

    /// <summary>
    /// Parses and runs <paramref name="args"/>. Usage errors (parse errors and <see cref="UsageException"/>) print
    /// one line to <paramref name="error"/> and return 2; no stack trace reaches the user.
    /// </summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        Runtime.AllocatorTuning.Apply();
        ParseResult parseResult = Build().Parse(args);
        if (parseResult.Errors.Count > 0 && parseResult.Action is ParseErrorAction)
        {
            // A mistyped command is the first token the parser could not place under a command that has subcommands.
            Command command = parseResult.CommandResult.Command;
            string? unknown = parseResult.UnmatchedTokens.Count > 0
                ? CommandSuggestion.Unknown(command, parseResult.UnmatchedTokens[0])
                : CommandSuggestion.Missing(command, CommandPath(parseResult.CommandResult));
            error.WriteLine($"error: {unknown ?? parseResult.Errors[0].Message} (see '{CommandPath(parseResult.CommandResult)} --help')");
            return ExitCodes.Usage;
        }

        try
        {
            return parseResult.Invoke(new InvocationConfiguration
            {
                Output = output,
                Error = error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (UsageException exception)
        {
            error.WriteLine($"error: {exception.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception exception) when (Environment.GetEnvironmentVariable("GANDSE_DEBUG") is null)
        {
            error.WriteLine($"error: {exception.GetType().Name}: {exception.Message} (set GANDSE_DEBUG=1 for a stack trace)");
            return ExitCodes.Failure;
        }
    }
}
