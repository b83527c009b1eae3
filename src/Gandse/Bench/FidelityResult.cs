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

/// <summary>Distribution of model / simulator for one metric over the cases.</summary>
public sealed record RatioSummary(string Metric, int Cases, double Median, double P10, double P90, double WithinTenPercent, double Exact);

/// <summary>Whether, in one group (same layer and bandwidth), the model's fastest design is the simulator's.</summary>
public sealed record GroupAgreement(int Group, string Layer, long Bandwidth, int Designs, bool Agrees, double Regret);

public sealed record FidelityResult(
    string Simulator,
    string Origin,
    IReadOnlyList<FidelityRow> Rows,
    IReadOnlyList<RatioSummary> Fast,
    IReadOnlyList<RatioSummary> Exact,
    double FastSpearman,
    IReadOnlyList<GroupAgreement> FastGroups,
    IReadOnlyList<GroupAgreement> ExactGroups,
    int SimulatorRuns,
    int SimulatorCacheHits);
