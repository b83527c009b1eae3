namespace Gandse.Bench;

/// <summary>
/// One fidelity case evaluated three ways: Gandse's fast model, its exact emulator and the real simulator, with the
/// seconds each took (the simulator's from its run, also when the result came from the cache).
/// </summary>
public sealed record FidelityRow(
    FidelityCase Case,
    IReadOnlyDictionary<string, double> Fast,
    IReadOnlyDictionary<string, double> Exact,
    IReadOnlyDictionary<string, double> Simulator,
    double FastSeconds,
    double ExactSeconds,
    double SimulatorSeconds);
