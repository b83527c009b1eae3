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

    [Fact]
    public void Spreading_takes_each_band_of_scores_best_first_before_any_band_second()
    {
        using IDisposable scope = NewDisposeScope();
        // Scores 1.0, 1.01 and 1.02 share a band at scale 10; 2.0 and 3.0 are bands of their own.
        Tensor candidates = tensor(new long[] { 10, 11, 12, 13, 14 }, new long[] { 1, 5, 1 });
        Tensor scores = tensor(new double[] { 1.02, 2.0, 1.0, 3.0, 1.01 }, new long[] { 1, 5 });

        Tensor ordered = CandidateRanker.OrderSpread(candidates, scores, 10);

        Assert.Equal(new long[] { 12, 11, 13, 14, 10 }, ordered.contiguous().data<long>().ToArray());
    }

    [Fact]
    public void Interleaving_alternates_the_best_rated_with_the_spread_order_each_candidate_once()
    {
        using IDisposable scope = NewDisposeScope();
        // Score order: 12 (1.0), 14 (1.01), 10 (1.02), 11 (2.0), 13 (3.0); spread order: 12, 11, 13, 14, 10.
        Tensor candidates = tensor(new long[] { 10, 11, 12, 13, 14 }, new long[] { 1, 5, 1 });
        Tensor scores = tensor(new double[] { 1.02, 2.0, 1.0, 3.0, 1.01 }, new long[] { 1, 5 });

        Tensor ordered = CandidateRanker.OrderSpread(candidates, scores, 10, interleave: true);

        // Plain takes 12; spread's next unused is 11; plain 14; spread 13; plain 10.
        Assert.Equal(new long[] { 12, 11, 14, 13, 10 }, ordered.contiguous().data<long>().ToArray());
    }
}
