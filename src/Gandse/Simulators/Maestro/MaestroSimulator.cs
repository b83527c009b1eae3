using Gandse.CostModels.Maestro;

namespace Gandse.Simulators.Maestro;

/// <summary>
/// The real MAESTRO as a Gandse cost model: one layer per run, through a shell that keeps MAESTRO's exit status,
/// because MAESTRO refuses a mapping by printing an error and exiting (the figures then come back as refused,
/// with the first line it printed, rather than as a failed run).
/// </summary>
public sealed class MaestroSimulator : IExternalSimulator<MaestroCase>
{
    private const string StatusFile = "status";
    private readonly MaestroInstallation _installation;

    /// <summary>Runs the MAESTRO of <paramref name="installation"/>.</summary>
    public MaestroSimulator(MaestroInstallation installation)
    {
        _installation = installation;
    }

    /// <inheritdoc/>
    public string Name => "maestro";

    /// <inheritdoc/>
    public string Identity => _installation.Identity;

    /// <inheritdoc/>
    public string Key(MaestroCase c) => MaestroFiles.Mapping(c) + string.Join(' ', MaestroFiles.Flags(c.Hardware));

    /// <inheritdoc/>
    public string Describe(MaestroCase c) =>
        $"{c.Layer.ToMapping().Replace('\n', ' ')} on {c.Hardware.NumPes} PEs with {string.Join(' ', c.Dataflow)}";

    /// <inheritdoc/>
    public ExternalRun Prepare(MaestroCase c, string folder)
    {
        File.WriteAllText(Path.Combine(folder, MaestroFiles.MappingFile), MaestroFiles.Mapping(c));
        var arguments = new List<string> { "-c", $"\"$0\" \"$@\" > maestro.out 2>&1; echo $? > {StatusFile}", _installation.Binary };
        arguments.AddRange(MaestroFiles.Flags(c.Hardware));
        return new ExternalRun("/bin/sh", arguments, new Dictionary<string, string>());
    }

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, double> Read(MaestroCase c, string folder)
    {
        string status = Path.Combine(folder, StatusFile);
        if (!File.Exists(status))
        {
            throw new InvalidDataException("MAESTRO's exit status is missing");
        }

        MaestroMetrics metrics = File.ReadAllText(status).Trim() == "0" && File.Exists(Path.Combine(folder, MaestroFiles.ResultFile))
            ? MaestroFiles.Read(File.ReadAllText(Path.Combine(folder, MaestroFiles.ResultFile)), c.Hardware)
            : MaestroMetrics.Refused("MAESTRO refused the mapping");
        return MaestroMetricValues.Of(metrics);
    }
}
