using Gandse.CostModels.Systolic.Memory;

namespace Gandse.Tests.CostModels.Systolic.Memory;

/// <summary>The closed-form fetch positions against the prefetch matrix read out entry by entry, as SCALE-Sim does.</summary>
public class FetchOrderTests
{
    [Theory]
    [InlineData(1, 1, 1, 1)]
    [InlineData(5, 17, 8, 1)]
    [InlineData(3, 4, 8, 8)]
    [InlineData(7, 2, 9, 3)]
    [InlineData(1, 30, 6, 6)]
    [InlineData(4, 1, 5, 2)]
    public void Diagonal_positions_follow_the_anti_diagonal_read_out(int blocks, int blockRows, int width, int lastValid)
    {
        var order = new DiagonalFetchOrder(blocks, blockRows, width, lastValid);
        int rows = blocks * blockRows;
        var expected = new Dictionary<(long, long), long>();
        long next = 0;
        for (int d = 0; d < rows + width - 1; d++)
        {
            for (int r = Math.Min(d, rows - 1); r >= Math.Max(0, d - width + 1); r--)
            {
                int c = d - r;
                if (r < (blocks - 1) * blockRows || c < lastValid)
                {
                    expected[(r, c)] = next++;
                }
            }
        }

        Assert.Equal(next, order.ValidCount);
        Assert.Equal((long)rows * width, order.EntryCount);
        foreach (((long r, long c), long position) in expected)
        {
            Assert.Equal(position, order.Position(r, c));
        }
    }

    [Theory]
    [InlineData(3, 5, 4, 2)]
    [InlineData(1, 7, 3, 3)]
    public void Row_major_positions_skip_the_last_folds_padding(int blocks, int blockRows, int width, int lastValid)
    {
        var order = new RowMajorFetchOrder(blocks, blockRows, width, lastValid);
        long next = 0;
        for (int r = 0; r < blocks * blockRows; r++)
        {
            int valid = r / blockRows == blocks - 1 ? lastValid : width;
            for (int c = 0; c < valid; c++)
            {
                Assert.Equal(next++, order.Position(r, c));
            }
        }

        Assert.Equal(next, order.ValidCount);
    }
}
