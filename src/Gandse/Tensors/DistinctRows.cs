using System.Runtime.InteropServices;
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
        double[][] columns = broadcast.Select(t => t.to_type(ScalarType.Float64).contiguous().data<double>().ToArray()).ToArray();

        // Distinct rows, each with the positions that hold it.
        var index = new Dictionary<RowKey, int>();
        var rowOf = new int[count];
        var distinct = new List<double[]>();
        for (int i = 0; i < count; i++)
        {
            var row = new double[width];
            for (int j = 0; j < width; j++)
            {
                row[j] = columns[j][i];
            }

            var key = new RowKey(row);
            if (!index.TryGetValue(key, out int at))
            {
                at = distinct.Count;
                index[key] = at;
                distinct.Add(row);
            }

            rowOf[i] = at;
        }

        var results = new double[distinct.Count * outputs];
        Parallel.For(0, distinct.Count, r => function(distinct[r], results.AsSpan(r * outputs, outputs)));
        var result = new Tensor[outputs];
        for (int o = 0; o < outputs; o++)
        {
            var values = new double[count];
            for (int i = 0; i < count; i++)
            {
                values[i] = results[(rowOf[i] * outputs) + o];
            }

            result[o] = tensor(values, shape, ScalarType.Float64);
        }

        return result;
    }

    public delegate void RowFunction(double[] row, Span<double> output);

    private readonly struct RowKey : IEquatable<RowKey>
    {
        private readonly double[] _row;
        private readonly int _hash;

        public RowKey(double[] row)
        {
            _row = row;
            var hash = new HashCode();
            foreach (double value in row)
            {
                hash.Add(value);
            }

            _hash = hash.ToHashCode();
        }

        public bool Equals(RowKey other) => MemoryMarshal.AsBytes(_row.AsSpan()).SequenceEqual(MemoryMarshal.AsBytes(other._row.AsSpan()));

        public override bool Equals(object? obj) => obj is RowKey other && Equals(other);

        public override int GetHashCode() => _hash;
    }
}
