using Gandse.Tensors;
using static TorchSharp.torch;

namespace Gandse.Tests.Harness;

public sealed class CandidateChunksTests
{
    [Theory]
    [InlineData(1, 4)]
    [InlineData(4, 4)]
    [InlineData(9, 4)]
    [InlineData(13, 5)]
    public void Joining_slices_gives_what_one_pass_gives(long total, long size)
    {
        using IDisposable scope = NewDisposeScope();
        Tensor source = arange(total * 3, ScalarType.Float64).reshape(total, 3);
        var slices = new List<(long Start, long Length)>();

        Tensor joined = CandidateChunks.Join(total, (start, length) =>
        {
            slices.Add((start, length));
            return source.narrow(0, start, length) * 2;
        }, size: size);

        Assert.True(joined.allclose(source * 2));
        Assert.Equal((total + size - 1) / size, slices.Count);
        Assert.All(slices, s => Assert.InRange(s.Length, 1, size));
    }
}
