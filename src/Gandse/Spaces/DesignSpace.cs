using System.Numerics;
using Gandse.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace Gandse.Spaces;

/// <summary>
/// An ordered list of parameters. Designs are encoded three ways: choice indices (what is stored and
/// enumerated), values (what cost models compute with) and concatenated one-hot blocks (what networks see).
/// Flat indices are mixed-radix with the first parameter most significant, matching a row-major grid.
/// </summary>
public sealed class DesignSpace
{
    private readonly Parameter[] _parameters;
    private readonly Dictionary<string, int> _positions;

    /// <summary>A space called <paramref name="name"/> over <paramref name="parameters"/> (distinct names).</summary>
    public DesignSpace(string name, IEnumerable<Parameter> parameters)
    {
        Name = name;
        _parameters = parameters.ToArray();
        _positions = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < _parameters.Length; i++)
        {
            if (!_positions.TryAdd(_parameters[i].Name, i))
            {
                throw new ArgumentException($"Parameter {_parameters[i].Name} appears twice in space {name}.", nameof(parameters));
            }
        }

        Size = _parameters.Aggregate(BigInteger.One, (size, p) => size * p.Count);
        OneHotWidth = _parameters.Sum(p => p.Count);
    }

    /// <summary>The space's name.</summary>
    public string Name { get; }

    /// <summary>The parameters, in design order.</summary>
    public IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary>Number of distinct designs.</summary>
    public BigInteger Size { get; }

    /// <summary>Width of the concatenated one-hot encoding.</summary>
    public int OneHotWidth { get; }

    /// <summary>The position of parameter <paramref name="parameterName"/>; an unknown name is a <see cref="UsageException"/> listing the parameters.</summary>
    public int IndexOf(string parameterName) =>
        _positions.TryGetValue(parameterName, out int position)
            ? position
            : throw new UsageException(
                $"unknown parameter '{parameterName}' for space {Name}; allowed: {string.Join(", ", _parameters.Select(p => p.Name))}");

    /// <summary>The parameter named <paramref name="parameterName"/>.</summary>
    public Parameter this[string parameterName] => _parameters[IndexOf(parameterName)];

    /// <summary>The value (not the index) of a parameter of <paramref name="design"/>.</summary>
    public double Value(Design design, string parameterName)
    {
        int position = IndexOf(parameterName);
        return _parameters[position].Value(design[position]);
    }

    /// <summary>Spelled as the CLI reads it: <c>rows=8,cols=8,dataflow=os,…</c>.</summary>
    public string Format(Design design) =>
        string.Join(",", _parameters.Select((p, i) => $"{p.Name}={p.Format(design[i])}"));

    /// <summary>
    /// The design whose choices are given in <paramref name="choices"/> (parameter name → token); parameters not
    /// given take <paramref name="defaults"/>. A token outside a parameter's choices is a usage error.
    /// </summary>
    public Design Parse(IReadOnlyDictionary<string, string> choices, IReadOnlyDictionary<string, string> defaults)
    {
        foreach (string name in choices.Keys)
        {
            IndexOf(name);
        }

        var indices = new int[_parameters.Length];
        for (int i = 0; i < _parameters.Length; i++)
        {
            Parameter parameter = _parameters[i];
            string? token = choices.FirstOrDefault(c => string.Equals(c.Key, parameter.Name, StringComparison.OrdinalIgnoreCase)).Value
                ?? (defaults.TryGetValue(parameter.Name, out string? fallback) ? fallback : null);
            indices[i] = token is null
                ? throw new UsageException($"missing parameter '{parameter.Name}'; allowed: {parameter.DescribeChoices()}")
                : parameter.Parse(token);
        }

        return new Design(indices);
    }

    /// <summary>
    /// Parameter values from tokens (parameter name → token), not bound to the choices (see
    /// <see cref="Parameter.ParseValue"/>); parameters not given take <paramref name="defaults"/>.
    /// </summary>
    public Dictionary<string, double> ParseValues(IReadOnlyDictionary<string, string> tokens, IReadOnlyDictionary<string, string> defaults)
    {
        foreach (string name in tokens.Keys)
        {
            IndexOf(name);
        }

        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (Parameter parameter in _parameters)
        {
            string? token = tokens.FirstOrDefault(t => string.Equals(t.Key, parameter.Name, StringComparison.OrdinalIgnoreCase)).Value
                ?? (defaults.TryGetValue(parameter.Name, out string? fallback) ? fallback : null);
            values[parameter.Name] = token is null
                ? throw new UsageException($"missing parameter '{parameter.Name}'; allowed: {parameter.DescribeChoices()}")
                : parameter.ParseValue(token);
        }

        return values;
    }

    /// <summary>Parameter values of <paramref name="design"/>, by name.</summary>
    public Dictionary<string, double> ValuesOf(Design design) =>
        _parameters.Select((p, i) => (p.Name, Value: p.Value(design[i]))).ToDictionary(t => t.Name, t => t.Value, StringComparer.Ordinal);

    /// <summary>Values formatted as the CLI writes them (categorical values by name).</summary>
    public string FormatValue(string parameterName, double value)
    {
        Parameter parameter = this[parameterName];
        int index = parameter.IndexOfValue(value);
        return parameter is CategoricalParameter && index >= 0
            ? parameter.Format(index)
            : value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The design's position in the enumeration of the whole space (last parameter fastest).</summary>
    public BigInteger FlatIndex(Design design)
    {
        BigInteger flat = BigInteger.Zero;
        for (int i = 0; i < _parameters.Length; i++)
        {
            flat = flat * _parameters[i].Count + design[i];
        }

        return flat;
    }

    /// <summary>The design at position <paramref name="flat"/> of the enumeration.</summary>
    public Design FromFlatIndex(BigInteger flat)
    {
        var indices = new int[_parameters.Length];
        for (int i = _parameters.Length - 1; i >= 0; i--)
        {
            indices[i] = (int)(flat % _parameters[i].Count);
            flat /= _parameters[i].Count;
        }

        return new Design(indices);
    }

    /// <summary>Choice indices of many designs as a [B, P] int64 tensor.</summary>
    public Tensor IndexTensor(IReadOnlyList<Design> designs)
    {
        var flat = new long[designs.Count * _parameters.Length];
        for (int b = 0; b < designs.Count; b++)
        {
            for (int p = 0; p < _parameters.Length; p++)
            {
                flat[(b * _parameters.Length) + p] = designs[b][p];
            }
        }

        return tensor(flat, new long[] { designs.Count, _parameters.Length }, ScalarType.Int64);
    }

    /// <summary>The designs of an index tensor [N, P].</summary>
    public IReadOnlyList<Design> Designs(Tensor indices)
    {
        long[] flat = indices.to_type(ScalarType.Int64).contiguous().data<long>().ToArray();
        int width = _parameters.Length;
        return Enumerable.Range(0, flat.Length / width)
            .Select(b => new Design(flat.Skip(b * width).Take(width).Select(v => (int)v)))
            .ToList();
    }

    /// <summary>Values of index tensor [..., P] as one float64 tensor of shape [...] per parameter.</summary>
    public ValueBatch Values(Tensor indices)
    {
        var batch = new ValueBatch();
        for (int p = 0; p < _parameters.Length; p++)
        {
            Tensor table = ValueTable(p);
            batch[_parameters[p].Name] = table.index_select(0, indices.select(-1, p).reshape(-1)).reshape(indices.shape[..^1]);
        }

        return batch;
    }

    /// <summary>
    /// Values of every design whose leading parameters are fixed to <paramref name="prefix"/>, laid out as a
    /// broadcastable grid: parameter p (p ≥ prefix length) has size Count at its own axis and 1 elsewhere, so a
    /// cost model's output flattens in flat-index order. Evaluating a grid costs only what each sub-expression
    /// depends on, which is what makes exhaustive enumeration fast.
    /// </summary>
    public ValueBatch Grid(IReadOnlyList<int> prefix)
    {
        int free = _parameters.Length - prefix.Count;
        var batch = new ValueBatch();
        for (int p = 0; p < _parameters.Length; p++)
        {
            if (p < prefix.Count)
            {
                batch[_parameters[p].Name] = tensor(_parameters[p].Value(prefix[p]), ScalarType.Float64);
                continue;
            }

            var shape = Enumerable.Repeat(1L, free).ToArray();
            shape[p - prefix.Count] = _parameters[p].Count;
            batch[_parameters[p].Name] = ValueTable(p).reshape(shape);
        }

        return batch;
    }

    /// <summary>Uniformly random choice indices, shaped [..shape, P].</summary>
    public Tensor RandomIndices(long[] shape, Generator? generator = null) =>
        stack(_parameters.Select(p => randint(p.Count, shape, generator: generator)).ToArray(), -1);

    /// <summary>Concatenated one-hot blocks, [..., OneHotWidth] float32, of index tensor [..., P].</summary>
    public Tensor OneHot(Tensor indices)
    {
        var blocks = new List<Tensor>(_parameters.Length);
        for (int p = 0; p < _parameters.Length; p++)
        {
            blocks.Add(nn.functional.one_hot(indices.select(-1, p), _parameters[p].Count).to_type(ScalarType.Float32));
        }

        return cat(blocks, -1);
    }

    /// <summary>Mean over parameters of the cross-entropy of each logit block [B, count] against choice indices [B, P].</summary>
    public Tensor CrossEntropy(Tensor logits, Tensor indices)
    {
        Tensor total = zeros(1).squeeze();
        long offset = 0;
        for (int p = 0; p < _parameters.Length; p++)
        {
            total = total + nn.functional.cross_entropy(logits.narrow(-1, offset, _parameters[p].Count), indices.select(-1, p));
            offset += _parameters[p].Count;
        }

        return total / _parameters.Length;
    }

    /// <summary>Index tensor [..., P] from scores laid out like <see cref="OneHot"/>: the arg-max of each block.</summary>
    public Tensor FromOneHot(Tensor scores)
    {
        var indices = new List<Tensor>(_parameters.Length);
        long offset = 0;
        foreach (Parameter parameter in _parameters)
        {
            indices.Add(scores.narrow(-1, offset, parameter.Count).argmax(-1));
            offset += parameter.Count;
        }

        return stack(indices, -1);
    }

    private Tensor ValueTable(int position)
    {
        Parameter parameter = _parameters[position];
        return tensor(Enumerable.Range(0, parameter.Count).Select(parameter.Value).ToArray(), ScalarType.Float64);
    }
}
