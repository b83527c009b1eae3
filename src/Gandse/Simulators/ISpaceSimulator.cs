namespace Gandse.Simulators;

/// <summary>
/// A real simulator standing in for a space's cost model (evaluate --simulator): rows of design, layer and
/// environment in, the space's metrics out, through a cached, parallel <see cref="SimulatorRunner{TCase}"/>. One
/// per simulator; the space that uses it names it (<see cref="Tasks.SpaceEntry.Simulator"/>).
/// </summary>
public interface ISpaceSimulator
{
    /// <summary>The simulator's name, as --simulator spells it.</summary>
    string Name { get; }

    /// <summary>What the simulator is, for reports (e.g. "SCALE-Sim v2").</summary>
    string Title { get; }

    /// <summary>Runs that were not in the cache so far.</summary>
    int Runs { get; }

    /// <summary>Rows answered from the cache so far.</summary>
    int CacheHits { get; }

    /// <summary>The metrics of every row, in order, under the space's metric names; <paramref name="progress"/> hears (runs done, runs needed).</summary>
    IReadOnlyList<IReadOnlyDictionary<string, double>> Evaluate(IReadOnlyList<SimulatedRow> rows, Action<int, int>? progress = null);
}
