namespace Gandse.Cli;

/// <summary>Output locations checked before any work starts, so a long run never fails at its last step.</summary>
public static class CliPaths
{
    /// <summary>Throws a usage error unless <paramref name="path"/> can be written as a file.</summary>
    public static void CheckWritable(string path, string flag)
    {
        string full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new UsageException($"{flag} '{path}' is a folder; give a file name");
        }

        string directory = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(directory))
        {
            throw new UsageException($"{flag} '{path}': folder '{directory}' does not exist");
        }

        string probe = Path.Combine(directory, $".gandse-write-check-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
        }
        catch (Exception exception) when (exception is UnauthorizedAccessException or IOException)
        {
            throw new UsageException($"{flag} '{path}': cannot write in '{directory}' ({exception.Message})");
        }
    }
}
