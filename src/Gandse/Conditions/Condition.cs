using System.Globalization;
using Gandse.Tensors;
using Gandse.Workloads;

namespace Gandse.Conditions;

/// <summary>
/// A query: the workload and the values of the condition fields its task declares (<see cref="ConditionSchema"/>),
/// an unbounded budget or an absent target being +∞. This is what generators are conditioned on.
/// </summary>
public sealed class Condition
{
    private readonly Dictionary<string, double> _fields;

    /// <summary>A query: the workload and its condition values by field name (an absent or infinite value is unbounded).</summary>
    public Condition(Workload workload, IReadOnlyDictionary<string, double> fields)
    {
        Workload = workload;
        _fields = new Dictionary<string, double>(fields, StringComparer.Ordinal);
    }

    /// <summary>The workload the design is for.</summary>
    public Workload Workload { get; }

    /// <summary>The condition fields by name, +∞ for unbounded.</summary>
    public IReadOnlyDictionary<string, double> Fields => _fields;

    /// <summary>The value of field <paramref name="name"/>; positive infinity (unbounded) when the condition does not set it.</summary>
    public double this[string name] => _fields.TryGetValue(name, out double value)
        ? value
        : throw new KeyNotFoundException($"This condition has no field '{name}'; it has: {string.Join(", ", _fields.Keys)}.");

    /// <summary>The field's value, or null when it is absent or unbounded.</summary>
    public double? Bound(string name) => _fields.TryGetValue(name, out double value) && double.IsFinite(value) ? value : null;

    /// <summary>A copy with one field set (a target computed while labelling, say).</summary>
    public Condition With(string name, double value) => new(Workload, new Dictionary<string, double>(_fields) { [name] = value });

    /// <summary>
    /// The condition as named values: a single GEMM's dims (<see cref="GemmFields"/>), the layer's MAESTRO form
    /// (<see cref="ConvFields"/>) where it has one, then the fields.
    /// </summary>
    public IReadOnlyDictionary<string, double> Values()
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        if (Workload.Gemms.Count == 1)
        {
            Gemm gemm = Workload.Gemms[0];
            values[GemmFields.M] = gemm.M;
            values[GemmFields.N] = gemm.N;
            values[GemmFields.K] = gemm.K;
        }

        if (Workload.Conv is ConvShape conv)
        {
            foreach ((string name, double value) in ConvFields.Of(conv))
            {
                values[name] = value;
            }
        }

        foreach ((string name, double value) in _fields)
        {
            values[name] = value;
        }

        return values;
    }

    /// <summary>
    /// <see cref="Values"/> as reports show them: a layer given in MAESTRO's names shows that form, any other
    /// workload its GEMM dims (its MAESTRO form is derived, and shown where a MAESTRO model reads it).
    /// </summary>
    public IReadOnlyDictionary<string, double> ReportedValues()
    {
        IEnumerable<string> hidden = Workload is DataflowLayer ? new[] { GemmFields.M, GemmFields.N, GemmFields.K } : ConvFields.All;
        var shown = new HashSet<string>(hidden, StringComparer.Ordinal);
        return Values().Where(p => !shown.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
    }

    /// <summary>The conditions as named [Q] float64 tensors: the workload's dims and every field.</summary>
    public static ValueBatch Batch(IReadOnlyList<Condition> conditions)
    {
        var rows = conditions.Select(c => c.Values()).ToList();
        return ValueBatch.FromRows(rows, rows.SelectMany(r => r.Keys).Distinct());
    }

    /// <inheritdoc/>
    public override string ToString() =>
        string.Join(" ", _fields.Where(p => double.IsFinite(p.Value)).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}={p.Value:R}")).Prepend(Workload.Spec));
}
