namespace Gandse.Tests;

/// <summary>The repository the tests run in, for files in git (shipped checkpoints, experiments).</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Gandse.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no Gandse.sln above {AppContext.BaseDirectory}");
    }
}
