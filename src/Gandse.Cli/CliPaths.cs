namespace Gandse.Cli;

/// <summary>Output locations checked before any work starts, so a long run never fails at its last step.</summary>
public static class CliPaths
{
    /// <summary>
    /// The file an output option names, checked writable now; null for standard output (the option left out, or
    /// <c>-</c>).
    /// </summary>
    public static string? Output(string? path, string flag)
    {
        if (path is null || path == Gandse.Io.CsvTable.StandardStream)
        {
            return null;
        }

        CheckWritable(path, flag);
        return path;
    }

    /// <summary>Throws a usage error unless <paramref name="path"/> is a folder that exists or can be created, and can be written in.</summary>
    public static void CheckFolder(string path, string flag)
    {
        string full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            throw new UsageException($"{flag} '{path}' is a file; give a folder");
        }

        string existing = full;
        while (!Directory.Exists(existing))
        {
            existing = Path.GetDirectoryName(existing) ?? throw new UsageException($"{flag} '{path}': no existing parent folder");
        }

        Probe(existing, path, flag);
    }

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

        Probe(directory, path, flag);
    }

    private static void Probe(string directory, string path, string flag)
    {
        string probe = Path.Combine(directory, $".gandse-write-check-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
        }
        catch (Exception exception) when (exception is UnauthorizedAccessException or IOException)
        {
            // The probe's own name says nothing to the user; the reason does only when it is not about the probe.
            string reason = exception.Message.Contains(".gandse-write-check", StringComparison.Ordinal) ? "not writable" : exception.Message;
            throw new UsageException($"{flag} '{path}': cannot write in '{directory}' ({reason})");
        }
    }
}
