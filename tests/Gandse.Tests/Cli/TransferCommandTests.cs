namespace Gandse.Tests.Cli;

public class TransferCommandTests
{
    [Theory]
    [InlineData("--budget", "16", "--budget must be at least 64 (the last call count reported), got 16")]
    [InlineData("--sequences", "0", "--sequences must be positive, got 0")]
    public void Bad_sizes_are_refused_before_any_search(string option, string value, string expected)
    {
        (int exitCode, _, string error) = CliRunner.Run("bench", "transfer", option, value);

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void A_csv_that_cannot_be_written_is_refused_before_any_search()
    {
        (int exitCode, _, string error) = CliRunner.Run("bench", "transfer", "--csv", "/nonexistent-folder/transfer.csv");

        Assert.Equal(2, exitCode);
        Assert.Contains("--csv", error);
    }
}
