using Gandse.Io;

namespace Gandse.Tests.Io;

public class AtomicFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gandse-atomic-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_write_replaces_the_file_whole_and_leaves_no_temporary_file()
    {
        string path = Path.Combine(_directory, "out.csv");
        File.WriteAllText(path, "old");

        AtomicFile.Write(path, writer => writer.Write("new"));

        Assert.Equal("new", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(_directory));
    }

    [Fact]
    public void A_failed_write_keeps_the_old_file()
    {
        string path = Path.Combine(_directory, "out.csv");
        File.WriteAllText(path, "old");

        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, writer =>
        {
            writer.Write("half");
            throw new InvalidOperationException("interrupted");
        }));

        Assert.Equal("old", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(_directory));
    }
}
