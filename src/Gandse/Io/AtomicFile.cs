namespace Gandse.Io;

/// <summary>Writes files whole or not at all: to a temporary file beside the target, then a rename over it.</summary>
public static class AtomicFile
{
    /// <summary>Writes text to a temporary file beside <paramref name="path"/> and moves it into place, so a reader never sees half a file.</summary>
    public static void Write(string path, Action<TextWriter> write)
    {
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, leaveOpen: true);
            write(writer);
        });
    }

    /// <summary>Writes bytes to a temporary file beside <paramref name="path"/> and moves it into place.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        string fullPath = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(fullPath)!;
        if (!Directory.Exists(directory))
        {
            throw new UsageException($"cannot write '{path}': directory '{directory}' does not exist");
        }

        string temporary = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, fullPath, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
