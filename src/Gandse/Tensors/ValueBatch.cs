using TorchSharp;
using static TorchSharp.torch;

namespace Gandse.Tensors;

/// <summary>
/// Named float64 tensors that broadcast against each other: the values of a batch of designs (one tensor per
/// parameter), of conditions (one per workload field, constraint and target) or of metrics. Shapes are the
/// caller's: [B] for a list, [Q, 1] against [1, D] for conditions × designs, a grid for enumeration.
/// </summary>
public sealed class ValueBatch
{
    private readonly Dictionary<string, Tensor> _values;

    /// <summary>An empty batch.</summary>
    public ValueBatch()
    {
        _values = new Dictionary<string, Tensor>(StringComparer.Ordinal);
    }

    /// <summary>A batch of the named tensors.</summary>
    public ValueBatch(IEnumerable<KeyValuePair<string, Tensor>> values)
    {
        _values = new Dictionary<string, Tensor>(values, StringComparer.Ordinal);
    }

    /// <summary>The names, in insertion order.</summary>
    public IEnumerable<string> Names => _values.Keys;

    /// <summary>The tensor named <paramref name="name"/>; a missing name throws, naming the ones present.</summary>
    public Tensor this[string name]
    {
        get => _values.TryGetValue(name, out Tensor? value)
            ? value
            : throw new KeyNotFoundException($"No values named '{name}'; have: {string.Join(", ", _values.Keys)}");
        set => _values[name] = value;
    }

    /// <summary>Whether the batch has a tensor named <paramref name="name"/>.</summary>
    public bool Contains(string name) => _values.ContainsKey(name);

    /// <summary>The tensor named <paramref name="name"/>, if present.</summary>
    public bool TryGet(string name, out Tensor value) => _values.TryGetValue(name, out value!);

    /// <summary>One row per entry of <paramref name="rows"/>, as [B] float64 tensors.</summary>
    public static ValueBatch FromRows(IReadOnlyList<IReadOnlyDictionary<string, double>> rows, IEnumerable<string> names)
    {
        var batch = new ValueBatch();
        foreach (string name in names)
        {
            var column = new double[rows.Count];
            for (int i = 0; i < rows.Count; i++)
            {
                column[i] = rows[i].TryGetValue(name, out double v) ? v : double.NaN;
            }

            batch[name] = tensor(column, ScalarType.Float64);
        }

        return batch;
    }

    /// <summary>A copy whose tensors are reshaped with <paramref name="reshape"/> (for example unsqueezed for broadcasting).</summary>
    public ValueBatch Map(Func<Tensor, Tensor> reshape) =>
        new(_values.Select(pair => new KeyValuePair<string, Tensor>(pair.Key, reshape(pair.Value))));
}
