namespace Gandse.CostModels.Maestro.Analysis;

/// <summary>One combination of map positions at a cluster level and how many times it occurs.</summary>
internal sealed class IterationCase
{
    private readonly Dictionary<string, IterationState> _states;

    public IterationCase(Dictionary<string, IterationState> states, int occurrences)
    {
        _states = states;
        Occurrences = occurrences;
    }

    public int Occurrences { get; }

    public IterationState this[string variable] =>
        _states.TryGetValue(variable, out IterationState? state) ? state : throw new MaestroAnalysisException($"no iteration state for {variable}");

    /// <summary>Every map at its first step: the case with nothing yet in the buffers to overlap with.</summary>
    public bool AllInit => _states.Values.All(s => s.Position == IterationPosition.Init);
}
