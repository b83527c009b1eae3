using Gandse.Tasks;
using Gandse.Workloads;

namespace Gandse.Harness;

/// <summary>
/// A split's outcomes summarised per named workload (each network of a network task's test split), in order of
/// first appearance, so a figure over all queries can be read network by network.
/// </summary>
public static class WorkloadBreakdown
{
    /// <summary>Per network: its name and the summary of its queries; empty unless every query is on a network.</summary>
    public static IReadOnlyList<(string Workload, Summary Summary)> PerNetwork(IReadOnlyList<LabelledCondition> queries, IReadOnlyList<QueryOutcome> outcomes)
    {
        if (queries.Count != outcomes.Count)
        {
            throw new ArgumentException($"{queries.Count} queries but {outcomes.Count} outcomes.", nameof(outcomes));
        }

        if (queries.Count == 0 || queries.Any(q => q.Condition.Workload is not Network))
        {
            return Array.Empty<(string, Summary)>();
        }

        bool hasTarget = outcomes.Any(o => o.TargetMet is not null);
        return queries
            .Select((q, i) => (Name: ((Network)q.Condition.Workload).Name, Outcome: outcomes[i]))
            .GroupBy(p => p.Name)
            .Select(g => (g.Key, Summary.Of(g.Select(p => p.Outcome).ToList(), hasTarget)))
            .ToList();
    }
}
