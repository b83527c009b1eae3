using System.Buffers;
using System.Runtime.CompilerServices;
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
    /// <param name="parallelism">How many threads may run rows at once; null for as many as the machine gives.</param>
    /// <returns><paramref name="outputs"/> float64 tensors of the inputs' broadcast shape.</returns>
    public static Tensor[] Map(IReadOnlyList<Tensor> inputs, int outputs, RowFunction function, int? parallelism = null)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism ?? -1 };
        long[] shape = BroadcastShape.Of(inputs.Select(t => t.shape));
        int width = inputs.Count;
        int count = checked((int)shape.Aggregate(1L, (a, b) => a * b));
        // The two big buffers come from the shared pool: a call's rows (a 32 × 512 batch of 20 inputs is 2.6 MB) would
        // otherwise land on the large-object heap every call and bring on a full collection about once a call.
        double[] values = ArrayPool<double>.Shared.Rent(checked(count * width));
        double[]? results = null;
        try
        {
            Rows(inputs, shape, count, values);
            (int[] rowOf, List<int> distinct) = Number(values, width, count, options);

            results = ArrayPool<double>.Shared.Rent(checked(distinct.Count * outputs));
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
                Parallel.For(0, distinct.Count, options, Run);
            }

            var result = new Tensor[outputs];
            var column = new double[count];
            for (int o = 0; o < outputs; o++)
            {
                Gather(results, rowOf, outputs, o, column);
                result[o] = tensor(column, shape, ScalarType.Float64);
            }

            return result;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(values);
            if (results is not null)
            {
                ArrayPool<double>.Shared.Return(results);
            }
        }
    }

    /// <summary>Computes a row's outputs from its values.</summary>
    public delegate void RowFunction(ReadOnlySpan<double> row, Span<double> output);

    /// <summary>Rows hashed per parallel work item.</summary>
    private const int RowsPerHashChunk = 4096;

    /// <summary>
    /// The inputs broadcast to <paramref name="shape"/> into <paramref name="values"/> as one flat row-major buffer (row i's values at i · width), read
    /// straight from each input's own elements by broadcast strides (a size-1 or missing dimension repeats).
    /// </summary>
    // Straight to optimised code: these loops run a few times per call, too few for tiering to reach them before
    // a first query does (on-stack replacement there made a cold 768-design optimum 20-30 ms, not 5-8).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Rows(IReadOnlyList<Tensor> inputs, long[] shape, int count, double[] values)
    {
        int width = inputs.Count, rank = shape.Length;
        var index = new long[rank];
        for (int column = 0; column < width; column++)
        {
            Tensor input = inputs[column];
            double[] own = input.to_type(ScalarType.Float64).contiguous().data<double>().ToArray();
            long[] strides = new long[rank];
            long stride = 1;
            for (int d = rank - 1, ownDim = (int)input.dim() - 1; d >= 0 && ownDim >= 0; d--, ownDim--)
            {
                long size = input.shape[ownDim];
                strides[d] = size == 1 ? 0 : stride;
                stride *= size;
            }

            Array.Clear(index);
            long at = 0;
            for (int i = 0; i < count; i++)
            {
                values[(i * width) + column] = own[at];
                // Advance the multi-index like an odometer, innermost dimension first.
                for (int d = rank - 1; d >= 0; d--)
                {
                    at += strides[d];
                    if (++index[d] < shape[d])
                    {
                        break;
                    }

                    at -= strides[d] * shape[d];
                    index[d] = 0;
                }
            }
        }
    }

    /// <summary>
    /// Each row's number among the distinct rows, and the first row of each, in order of first appearance: row hashes
    /// (in parallel on large inputs), then one serial pass.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (int[] RowOf, List<int> Distinct) Number(double[] values, int width, int count, ParallelOptions options)
    {
        var hashes = new int[count];
        void HashChunk(int chunk)
        {
            for (int i = chunk * RowsPerHashChunk, end = Math.Min(i + RowsPerHashChunk, count); i < end; i++)
            {
                hashes[i] = Hash(values.AsSpan(i * width, width));
            }
        }

        int chunks = (count + RowsPerHashChunk - 1) / RowsPerHashChunk;
        if (chunks > 1)
        {
            Parallel.For(0, chunks, options, HashChunk);
        }
        else if (chunks == 1)
        {
            HashChunk(0);
        }

        var index = new Dictionary<int, int>(count, new RowComparer(values, width, hashes));
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

        return (rowOf, distinct);
    }

    /// <summary>Output <paramref name="output"/> of every row, from its distinct row's results.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Gather(double[] results, int[] rowOf, int outputs, int output, double[] column)
    {
        for (int i = 0; i < column.Length; i++)
        {
            column[i] = results[(rowOf[i] * outputs) + output];
        }
    }

    /// <summary>A row's hash over its values' bits (-0 as +0, so rows <see cref="RowComparer"/> calls equal mostly hash equal; a miss only repeats work).</summary>
    private static int Hash(ReadOnlySpan<double> row)
    {
        ulong hash = 0x9E3779B97F4A7C15UL;
        foreach (double value in row)
        {
            hash = (hash ^ (ulong)BitConverter.DoubleToInt64Bits(value + 0.0)) * 0xBF58476D1CE4E5B9UL;
            hash ^= hash >> 31;
        }

        return (int)hash ^ (int)(hash >> 32);
    }

    /// <summary>Equality of rows of a flat buffer by row number, with their hashes computed beforehand.</summary>
    private sealed class RowComparer : IEqualityComparer<int>
    {
        private readonly double[] _values;
        private readonly int _width;
        private readonly int[] _hashes;

        public RowComparer(double[] values, int width, int[] hashes)
        {
            _values = values;
            _width = width;
            _hashes = hashes;
        }

        public bool Equals(int a, int b) => _values.AsSpan(a * _width, _width).SequenceEqual(_values.AsSpan(b * _width, _width));

        public int GetHashCode(int row) => _hashes[row];
    }
}
