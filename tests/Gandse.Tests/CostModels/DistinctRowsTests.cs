using Gandse.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace Gandse.Tests.CostModels;

public class DistinctRowsTests
{
    [Fact]
    public void Broadcasts_inputs_of_different_ranks_and_maps_every_element()
    {
        using IDisposable scope = NewDisposeScope();
        // Shapes [3, 1], [4] and [] broadcast to [3, 4]; an int64 input is read as float64.
        Tensor rows = tensor(new double[] { 1, 2, 3 }).reshape(3, 1);
        Tensor columns = tensor(new long[] { 10, 20, 30, 40 });
        Tensor scalar = tensor(0.5);

        Tensor[] result = DistinctRows.Map(new[] { rows, columns, scalar }, 2, (row, output) =>
        {
            output[0] = (row[0] * 100) + row[1] + row[2];
            output[1] = row[1] - row[0];
        });

        Assert.Equal(new long[] { 3, 4 }, result[0].shape);
        Tensor expectedSum = (rows * 100) + columns.to_type(ScalarType.Float64) + 0.5;
        Tensor expectedDifference = columns.to_type(ScalarType.Float64) - rows;
        Assert.True(result[0].allclose(expectedSum));
        Assert.True(result[1].allclose(expectedDifference));
    }

    [Fact]
    public void Calls_the_function_once_per_distinct_row_and_repeats_its_result()
    {
        using IDisposable scope = NewDisposeScope();
        // 5000 rows, more than one hashing chunk, with only 7 distinct values; -0 and +0 are one value.
        double[] values = Enumerable.Range(0, 5000).Select(i => i % 7 == 0 ? (i % 2 == 0 ? 0.0 : -0.0) : i % 7).ToArray();
        int calls = 0;

        Tensor[] result = DistinctRows.Map(new[] { tensor(values) }, 1, (row, output) =>
        {
            Interlocked.Increment(ref calls);
            output[0] = row[0] * 2;
        });

        Assert.Equal(7, calls);
        Assert.True(result[0].allclose(tensor(values) * 2));
    }

    [Fact]
    public void Shapes_that_do_not_broadcast_are_refused()
    {
        using IDisposable scope = NewDisposeScope();
        Assert.ThrowsAny<Exception>(() => DistinctRows.Map(new[] { zeros(3), zeros(4) }, 1, (_, output) => output[0] = 0));
    }
}
