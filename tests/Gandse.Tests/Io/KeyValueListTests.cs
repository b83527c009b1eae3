using Gandse.Io;

namespace Gandse.Tests.Io;

public class KeyValueListTests
{
    [Fact]
    public void Pairs_keep_their_order_and_trim_spaces()
    {
        var pairs = KeyValueList.Parse(" rows = 8, dataflow=ws ", "--design");

        Assert.Equal(new[] { "rows", "dataflow" }, pairs.Select(p => p.Key));
        Assert.Equal(new[] { "8", "ws" }, pairs.Select(p => p.Value));
    }

    [Theory]
    [InlineData("", "empty --design")]
    [InlineData("rows=8,", "malformed ''")]
    [InlineData("=8", "malformed '=8'")]
    [InlineData("rows=8=9", "malformed 'rows=8=9'")]
    public void Malformed_lists_name_the_bad_item(string text, string expected)
    {
        Assert.Contains(expected, Assert.Throws<UsageException>(() => KeyValueList.Parse(text, "--design")).Message);
    }
}
