using Gandse.Methods.Gan;
using static TorchSharp.torch;

namespace Gandse.Tests.Methods;

public sealed class CandidateRankerTests
{
    [Fact]
    public void Orders_each_querys_candidates_by_score_and_keeps_ties_in_sampling_order()
    {
        using IDisposable scope = NewDisposeScope();
        Tensor candidates = tensor(new long[] { 10, 11, 12, 13, 20, 21, 22, 23 }, new long[] { 2, 4, 1 });
        Tensor scores = tensor(new double[] { 3, 1, 2, 1, 0, 0, 5, -1 }, new long[] { 2, 4 });

        Tensor ordered = CandidateRanker.Order(candidates, scores);

        Assert.Equal(new long[] { 11, 13, 12, 10, 23, 20, 21, 22 }, ordered.contiguous().data<long>().ToArray());
    }
}
