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

    public static Option<string?> ExportFolder() => new("--export-scalesim")
    {
        Description = "Also write the best design as SCALE-Sim v2 input files in this folder (a .cfg and a topology per dataflow used, and run.sh that runs them); checked before any work.",
        HelpName = "dir",
    };

    /// <summary>The export folder, checked writable now; null when not asked for.</summary>
    public static string? CheckedExportFolder(ParseResult result, Option<string?> option)
    {
        string? folder = result.GetValue(option);
        if (folder is not null)
        {
            CliPaths.CheckFolder(folder, "--export-scalesim");
        }

        return folder;
    }

    /// <summary>Writes <paramref name="design"/> as SCALE-Sim files and says where on standard error (standard output stays the table or JSON).</summary>
    public static void Export(CliIo io, string folder, Spaces.DesignSpace space, Spaces.Design design, Conditions.Condition query)
    {
        if (space.Parameters.All(p => p.Name != CostModels.Systolic.SystolicParameterNames.Rows))
        {
            throw new UsageException($"--export-scalesim writes systolic designs; the {space.Name} space has none");
        }

        IReadOnlyList<string> files = ScaleSimExport.Write(folder, space, design, query.Workload, (long)query[CostModels.Systolic.SystolicConditions.DramBandwidth]);
        io.Error.WriteLine($"exported for SCALE-Sim v2 → {folder}: {string.Join(", ", files)}; run it with: sh {Path.Combine(folder, "run.sh")} PATH/TO/scale-sim-v2");
    }
}
