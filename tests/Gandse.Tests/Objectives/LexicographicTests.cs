using Gandse.Objectives;
using TorchSharp;
using static TorchSharp.torch;

namespace Gandse.Tests.Objectives;

public class LexicographicTests
{
    [Fact]
    public void The_second_key_breaks_ties_and_the_lowest_position_breaks_the_rest()
    {
        using Tensor allowed = tensor(new[] { true, true, true, true, false });
        using Tensor first = tensor(new[] { 5.0, 3.0, 3.0, 3.0, 1.0 });
        using Tensor second = tensor(new[] { 0.0, 2.0, 1.0, 1.0, 0.0 });

        (Tensor position, Tensor any) = Lexicographic.ArgMin(allowed, new[] { first, second });

        Assert.Equal(2, position.item<long>());
        Assert.True(any.item<bool>());
    }

    [Fact]
    public void Each_row_is_selected_independently_and_an_empty_row_says_so()
    {
        using Tensor allowed = tensor(new[,] { { true, true }, { false, false } });
        using Tensor key = tensor(new[,] { { 2.0, 1.0 }, { 0.0, 0.0 } });

        (Tensor position, Tensor any) = Lexicographic.ArgMin(allowed, new[] { key });

        Assert.Equal(new long[] { 1, 0 }, position.data<long>().ToArray());
        Assert.Equal(new[] { true, false }, any.data<bool>().ToArray());
    }

    [Fact]
    public void Key_tuples_compare_in_order()
    {
        Assert.True(Lexicographic.Less(new[] { 1.0, 9.0 }, new[] { 2.0, 0.0 }));
        Assert.True(Lexicographic.Less(new[] { 1.0, 1.0 }, new[] { 1.0, 2.0 }));
        Assert.False(Lexicographic.Less(new[] { 1.0, 2.0 }, new[] { 1.0, 2.0 }));
    }
}
