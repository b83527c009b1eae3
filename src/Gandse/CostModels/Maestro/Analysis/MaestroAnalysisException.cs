namespace Gandse.CostModels.Maestro.Analysis;

/// <summary>A mapping MAESTRO refuses (it prints an error and stops): the reason, for the metrics' validity.</summary>
public sealed class MaestroAnalysisException : Exception
{
    /// <summary>MAESTRO would stop on this mapping, for <paramref name="reason"/>.</summary>
    public MaestroAnalysisException(string reason)
        : base(reason)
    {
    }
}
