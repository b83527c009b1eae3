namespace Gandse.Bench;

/// <summary>What <see cref="MaestroFidelityBenchmark"/> measured.</summary>
/// <param name="Origin">Where the cases came from (seed or file).</param>
/// <param name="Cases">Cases run.</param>
/// <param name="Analysed">Cases MAESTRO analysed (the rest it refused).</param>
/// <param name="RefusalAgreements">Cases where the model and MAESTRO agree on refusing or analysing.</param>
/// <param name="ValidAgreements">Cases where they agree on validity (analysed and within the L1/L2 limits).</param>
/// <param name="Metrics">Each metric's agreement over the analysed cases.</param>
/// <param name="RuntimeDifferences">The analysed cases whose runtime differs, one line each.</param>
/// <param name="ModelSecondsPerCase">The batched model's time per case (all cases in one call).</param>
/// <param name="SimulatorSecondsPerRun">MAESTRO's median time per run, as recorded when each ran (cached runs keep theirs).</param>
/// <param name="SimulatorRuns">MAESTRO runs made.</param>
/// <param name="CacheHits">Cases answered from the cache.</param>
public sealed record MaestroFidelityResult(
    string Origin,
    int Cases,
    int Analysed,
    int RefusalAgreements,
    int ValidAgreements,
    IReadOnlyList<MetricAgreement> Metrics,
    IReadOnlyList<string> RuntimeDifferences,
    double ModelSecondsPerCase,
    double SimulatorSecondsPerRun,
    int SimulatorRuns,
    int CacheHits);
