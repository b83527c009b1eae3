namespace Gandse.Bench;

/// <summary>What a fidelity run measured: every case, each model's ratio summaries, the group agreements and the rank correlation.</summary>
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
