using System.CommandLine;
using Gandse.Simulators;
using Gandse.Simulators.ScaleSim;

namespace Gandse.Cli.Commands;

/// <summary>The options of the commands that run SCALE-Sim v2 (evaluate --simulator scalesim, generate --verify-with scalesim, bench fidelity).</summary>
public static class ScaleSimOptions
{
    public static Option<string?> ScaleSimFolder() => new("--scalesim")
    {
        Description = $"SCALE-Sim v2's folder, the one holding scalesim/scale.py (default: ${Simulators.ScaleSim.ScaleSimInstallation.FolderVariable}). Its Python is ${Simulators.ScaleSim.ScaleSimInstallation.PythonVariable} (default {Simulators.ScaleSim.ScaleSimInstallation.DefaultPython}).",
        HelpName = "dir",
    };

    /// <summary>A SCALE-Sim runner from the simulator options, checked before any work starts.</summary>
    public static Simulators.SimulatorRunner<Simulators.ScaleSim.ScaleSimCase> ScaleSimRunner(ParseResult result, Option<string?> folder, Option<double> timeout, Option<string> cache)
    {
        double seconds = result.GetValue(timeout);
        if (!(seconds > 0) || !double.IsFinite(seconds))
        {
            throw new UsageException($"--timeout '{seconds}' is not allowed; expected a positive number of seconds");
        }

        var installation = Simulators.ScaleSim.ScaleSimInstallation.Locate(result.GetValue(folder));
        return new Simulators.SimulatorRunner<Simulators.ScaleSim.ScaleSimCase>(
            new Simulators.ScaleSim.ScaleSimSimulator(installation), result.GetValue(cache)!, TimeSpan.FromSeconds(seconds));
    }
}
