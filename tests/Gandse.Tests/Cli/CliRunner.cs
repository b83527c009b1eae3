using Gandse.Cli;

namespace Gandse.Tests.Cli;

/// <summary>Runs the gandse command tree in-process, capturing what it writes.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exitCode = GandseCli.Run(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
