using Gandse.Tensors;
using Gandse.Workloads;

namespace Gandse.Conditions;

/// <summary>A query: the workload, the constraints and the targets. This is what generators are conditioned on.</summary>
public sealed record Condition(Workload Workload, Constraints Constraints, Targets Targets)
{
    /// <summary>
    /// The condition as named values: GEMM dims (for single-GEMM workloads), constraints (unbounded = +∞) and
    /// targets (none = +∞).
    /// </summary>
    public IReadOnlyDictionary<string, double> Values()
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        if (Workload.Gemms.Count == 1)
        {
            Gemm gemm = Workload.Gemms[0];
            values[ConditionFields.M] = gemm.M;
            values[ConditionFields.N] = gemm.N;
            values[ConditionFields.K] = gemm.K;
        }

        foreach ((string name, double value) in Constraints.Values().Concat(Targets.Values()))
        {
            values[name] = value;
        }

        return values;
    }

    public static ValueBatch Batch(IReadOnlyList<Condition> conditions)
    {
        var rows = conditions.Select(c => c.Values()).ToList();
        return ValueBatch.FromRows(rows, rows.SelectMany(r => r.Keys).Distinct());
    }
}
