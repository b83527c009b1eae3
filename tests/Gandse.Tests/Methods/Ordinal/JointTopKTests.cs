using Gandse.Methods.Ordinal;
using static TorchSharp.torch;

namespace Gandse.Tests.Methods.Ordinal;

public sealed class JointTopKTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(60)]
    [InlineData(500)]
    public void The_beam_gives_the_same_designs_in_the_same_order_as_ranking_the_whole_product(int k)
    {
        var generator = new Generator(11);
        int[] counts = { 4, 3, 5 };
        Tensor[] logp = counts.Select(n => randn(new long[] { 2, n }, generator: generator).log_softmax(-1)).ToArray();

        Tensor ranked = JointTopK.Of(logp, k);

        int size = counts.Aggregate(1, (a, b) => a * b);
        Assert.Equal(new long[] { 2, Math.Min(k, size), 3 }, ranked.shape);
        for (int row = 0; row < 2; row++)
        {
            var all = (from a in Enumerable.Range(0, 4) from b in Enumerable.Range(0, 3) from c in Enumerable.Range(0, 5)
                       select (Design: new long[] { a, b, c }, Score: logp[0][row, a].item<float>() + logp[1][row, b].item<float>() + logp[2][row, c].item<float>()))
                .OrderByDescending(d => d.Score).Take(k).ToList();
            for (int i = 0; i < all.Count; i++)
            {
                Assert.Equal(all[i].Design, ranked[row, i].data<long>().ToArray());
            }
        }
    }
}
