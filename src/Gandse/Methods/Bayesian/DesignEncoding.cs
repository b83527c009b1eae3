using Gandse.Spaces;
using static TorchSharp.torch;

namespace Gandse.Methods.Bayesian;

/// <summary>
/// A design as the GP reads it: each ordered parameter (ordinal or integer range) as its position scaled to
/// [0, 1], so the powers of two of array and buffer sizes sit on a log2 scale; each categorical one as its choice.
/// </summary>
public sealed class DesignEncoding
{
    private readonly int[] _ordinal;
    private readonly int[] _categorical;
    private readonly double[] _span;

    /// <summary>The encoding of <paramref name="space"/>'s parameters.</summary>
    public DesignEncoding(DesignSpace space)
    {
        IReadOnlyList<Parameter> parameters = space.Parameters;
        _ordinal = Enumerable.Range(0, parameters.Count).Where(p => parameters[p] is not CategoricalParameter).ToArray();
        _categorical = Enumerable.Range(0, parameters.Count).Where(p => parameters[p] is CategoricalParameter).ToArray();
        _span = _ordinal.Select(p => (double)Math.Max(1, parameters[p].Count - 1)).ToArray();
    }

    /// <summary>How many ordered dimensions (one lengthscale each).</summary>
    public int OrdinalDims => _ordinal.Length;

    /// <summary>Positions [n, D] float64 and choices [n, C] int64 of index designs [n, P].</summary>
    public (Tensor Ordinal, Tensor Categorical) Encode(Tensor designs)
    {
        Tensor indices = designs.to_type(ScalarType.Int64);
        Tensor ordinal = _ordinal.Length == 0
            ? zeros(indices.shape[0], 0, dtype: ScalarType.Float64)
            : indices.index_select(1, tensor(_ordinal.Select(p => (long)p).ToArray())).to_type(ScalarType.Float64) / tensor(_span, ScalarType.Float64);
        Tensor categorical = _categorical.Length == 0
            ? zeros(indices.shape[0], 0, dtype: ScalarType.Int64)
            : indices.index_select(1, tensor(_categorical.Select(p => (long)p).ToArray()));
        return (ordinal, categorical);
    }
}
