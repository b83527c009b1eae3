namespace Gandse.Simulators;

/// <summary>
/// A simulator Gandse runs as a separate program (SCALE-Sim, MAESTRO): how to write one case's inputs into a
/// folder, what to run there, and how to read its results back. <see cref="SimulatorRunner{TCase}"/> does the
/// rest for every simulator alike: a folder per run, parallel runs, a timeout, the on-disk cache and the errors.
/// </summary>
/// <typeparam name="TCase">One evaluation's inputs.</typeparam>
public interface IExternalSimulator<TCase>
{
    /// <summary>Short name: the cache folder and error messages use it.</summary>
    string Name { get; }

    /// <summary>Identifies this simulator's version (a hash of its sources): a cached result is reused only under the same identity.</summary>
    string Identity { get; }

    /// <summary>The exact inputs of a case as one canonical string: equal keys give equal results.</summary>
    string Key(TCase simulationCase);

    /// <summary>A case in one line, for messages.</summary>
    string Describe(TCase simulationCase);

    /// <summary>Writes the case's input files into <paramref name="folder"/> and says what to run there.</summary>
    ExternalRun Prepare(TCase simulationCase, string folder);

    /// <summary>Reads the results a finished run left in <paramref name="folder"/>; throws <see cref="InvalidDataException"/> when they are missing or malformed.</summary>
    IReadOnlyDictionary<string, double> Read(TCase simulationCase, string folder);
}
