using System.CommandLine;
using Gandse.Simulators;
using Gandse.Simulators.Maestro;

namespace Gandse.Cli.Commands;

/// <summary>The options of the commands that run the real MAESTRO (evaluate --simulator maestro, bench fidelity --simulator maestro).</summary>
public static class MaestroOptions
{
    public static Option<string?> MaestroBinary() => new("--maestro")
    {
        Description = $"The MAESTRO binary (default: ${MaestroInstallation.BinaryVariable}); build one with ../shared/tools/build-maestro.sh DIR.",
        HelpName = "path",
    };

    /// <summary>A MAESTRO runner from the options, checked before any work starts.</summary>
    public static SimulatorRunner<MaestroCase> MaestroRunner(ParseResult result, Option<string?> binary, Option<double> timeout, Option<string> cache) =>
        new(new MaestroSimulator(MaestroInstallation.Locate(result.GetValue(binary))), result.GetValue(cache)!, TimeSpan.FromSeconds(SimulatorOptions.Seconds(result, timeout)));
}
