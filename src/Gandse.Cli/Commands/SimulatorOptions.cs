using System.CommandLine;
using Gandse.Simulators;
using Gandse.Simulators.Maestro;
using Gandse.Simulators.ScaleSim;
using Gandse.Tasks;

namespace Gandse.Cli.Commands;

/// <summary>
/// --simulator: Gandse's cost model (gandse) or the real simulator of the space (scalesim for systolic, maestro
/// for maestro), each from its own options; one registration per simulator here.
/// </summary>
public sealed class SimulatorOptions
{
    public SimulatorOptions(string simulators)
    {
        Simulator = new Option<string>("--simulator")
        {
            Description = $"gandse: Gandse's cost model; {simulators}",
            DefaultValueFactory = _ => "gandse",
            HelpName = "gandse|scalesim|maestro",
        };
    }

    public Option<string> Simulator { get; }

    public Option<string?> ScaleSim { get; } = ScaleSimOptions.ScaleSimFolder();

    public Option<string?> Maestro { get; } = MaestroOptions.MaestroBinary();

    public Option<double> Timeout { get; } = CommonOptions.SimulatorTimeout();

    public Option<string> Cache { get; } = CommonOptions.SimulatorCache();

    public IEnumerable<Option> All => new Option[] { Simulator, ScaleSim, Maestro, Timeout, Cache };

    /// <summary>The simulator asked for, or null for Gandse's model; one the space has not is refused, naming the one it has.</summary>
    public ISpaceSimulator? Resolve(ParseResult result, SpaceEntry space)
    {
        string name = result.GetValue(Simulator)!.Trim().ToLowerInvariant();
        if (name == "gandse")
        {
            return null;
        }

        if (name is not ("scalesim" or "maestro"))
        {
            throw new UsageException($"--simulator '{name}' is not allowed; allowed: gandse, scalesim (systolic space), maestro (maestro space)");
        }

        if (name != space.Simulator)
        {
            throw new UsageException($"--simulator {name} does not evaluate the {space.Name} space; its simulator is {space.Simulator} (--space {(name == "scalesim" ? "systolic" : "maestro")} for {name})");
        }

        return name == "scalesim"
            ? new ScaleSimSpaceSimulator(ScaleSimOptions.ScaleSimRunner(result, ScaleSim, Timeout, Cache))
            : new MaestroSpaceSimulator(MaestroOptions.MaestroRunner(result, Maestro, Timeout, Cache));
    }

    /// <summary>The timeout in seconds, refused unless positive.</summary>
    public static double Seconds(ParseResult result, Option<double> timeout)
    {
        double seconds = result.GetValue(timeout);
        return seconds > 0 && double.IsFinite(seconds) ? seconds : throw new UsageException($"--timeout '{seconds}' is not allowed; expected a positive number of seconds");
    }
}
