using TorchSharp;
using static TorchSharp.torch;

namespace Gandse.Tensors;

/// <summary>
/// Applies a scalar function to every element of broadcast input tensors, once per distinct combination of input
/// values, in parallel. A grid that varies a parameter the function does not read (an SRAM another operand
/// uses) then costs nothing extra: the inputs broadcast to a smaller shape and repeated rows are looked up.
/// </summary>
public static class DistinctRows
{
    /// <summary>Below this many distinct rows the function runs on the calling thread: fanning out costs more.</summary>
    private const int ParallelFrom = 64;

    /// <param name="inputs">Tensors that broadcast together; float64 values.</param>
    /// <param name="outputs">Values the function returns per row.</param>
    /// <param name="function">From one row of input values to <paramref name="outputs"/> values (written into the span).</param>
    /// <returns><paramref name="outputs"/> float64 tensors of the inputs' broadcast shape.</returns>
    public static Tensor[] Map(IReadOnlyList<Tensor> inputs, int outputs, RowFunction function)
    {
        IList<Tensor> broadcast = broadcast_tensors(inputs.ToArray());
        long[] shape = broadcast[0].shape;
        int width = inputs.Count;
        int count = checked((int)broadcast[0].numel());

        // One flat row-major copy of the inputs; rows are compared in place, so no per-row array is made.
        double[] values = stack(broadcast.Select(t => t.to_type(ScalarType.Float64).reshape(-1)).ToArray(), -1).contiguous().data<double>().ToArray();
        var comparer = new RowComparer(values, width);
        var index = new Dictionary<int, int>(comparer);
        var rowOf = new int[count];
        var distinct = new List<int>();
        for (int i = 0; i < count; i++)
        {
            if (!index.TryGetValue(i, out int at))
            {
                at = distinct.Count;
                index[i] = at;
                distinct.Add(i);
            }

            rowOf[i] = at;
        }

        var results = new double[distinct.Count * outputs];
        void Run(int r) => function(values.AsSpan(distinct[r] * width, width), results.AsSpan(r * outputs, outputs));
        if (distinct.Count < ParallelFrom)
        {
            for (int r = 0; r < distinct.Count; r++)
            {
                Run(r);
            }
        }
        else
        {
            Parallel.For(0, distinct.Count, Run);
        }

        var result = new Tensor[outputs];
        var column = new double[count];
        for (int o = 0; o < outputs; o++)
        {
            for (int i = 0; i < count; i++)
            {
                column[i] = results[(rowOf[i] * outputs) + o];
            }

            result[o] = tensor(column, shape, ScalarType.Float64);
        }

        return result;
    }

    /// <summary>Computes a row's outputs from its values.</summary>
    public delegate void RowFunction(ReadOnlySpan<double> row, Span<double> output);

    /// <summary>Equality and hash of rows of a flat buffer, by row number.</summary>
    private sealed class RowComparer : IEqualityComparer<int>
    {
        private readonly double[] _values;
        private readonly int _width;

        public RowComparer(double[] values, int width)
        {
            _values = values;
            _width = width;
        }

        public bool Equals(int a, int b) => _values.AsSpan(a * _width, _width).SequenceEqual(_values.AsSpan(b * _width, _width));

        public int GetHashCode(int row)
        {
            var hash = new HashCode();
            foreach (double value in _values.AsSpan(row * _width, _width))
            {
                hash.Add(value);
            }

            return hash.ToHashCode();
        }
    }
}
