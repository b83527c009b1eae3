namespace Gandse.Simulators;

/// <summary>An external simulator run that failed or timed out: which case, why, and where its log and inputs are kept.</summary>
public sealed class SimulatorRunException : Exception
{
    /// <summary>A failed run, with the folder holding its inputs and log.</summary>
    public SimulatorRunException(string message, string folder)
        : base(message)
    {
        Folder = folder;
    }

    /// <summary>The run's folder, kept for inspection: its inputs and <c>run.log</c>.</summary>
    public string Folder { get; }
}
