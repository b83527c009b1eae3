using Gandse.Harness;
using static TorchSharp.torch;

namespace Gandse.Tests.Harness;

public sealed class CallBudgetTests
{
    [Fact]
    public void Keeps_each_querys_first_distinct_designs_in_order_and_pads_with_its_first()
    {
        using IDisposable scope = NewDisposeScope();
        // Query 0: a, a, b, c, b; query 1: d, d, d, d, d (one distinct design).
        long[] rows = { 1, 1, 1, 1, 2, 2, 3, 3, 2, 2, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7 };
        Tensor proposals = tensor(rows, new long[] { 2, 5, 2 });

        Tensor cut = CallBudget.FirstDistinct(proposals, 3);

        Assert.Equal(new long[] { 2, 3, 2 }, cut.shape);
        Assert.Equal(new long[] { 1, 1, 2, 2, 3, 3, 7, 7, 7, 7, 7, 7 }, cut.contiguous().data<long>().ToArray());
    }

    [Fact]
    public void A_limit_above_the_candidates_keeps_every_distinct_one()
    {
        using IDisposable scope = NewDisposeScope();
        Tensor proposals = tensor(new long[] { 4, 5, 6 }, new long[] { 1, 3, 1 });

        Assert.Equal(new long[] { 4, 5, 6 }, CallBudget.FirstDistinct(proposals, 64).contiguous().data<long>().ToArray());
    }
}
