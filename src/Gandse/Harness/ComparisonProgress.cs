using System.Text.Json;
using Gandse.Config;
using Gandse.Io;

namespace Gandse.Harness;

/// <summary>
/// The method runs a comparison has finished, kept in its output folder (<c>runs.partial.json</c>) after each one,
/// so an interrupted comparison reports what it finished and <c>compare --resume</c> runs only the rest. The
/// resolved settings are kept with them: a resume with other settings is refused.
/// </summary>
public static class ComparisonProgress
{
    /// <summary>The file holding the finished method runs of an unfinished comparison.</summary>
    public const string FileName = "runs.partial.json";

    /// <summary>Writes the finished runs and the resolved settings atomically.</summary>
    /// <param name="elapsed">Time spent on the comparison so far, earlier sessions of it included.</param>
    /// <param name="directory">The comparison folder.</param>
    /// <param name="config">The resolved comparison config.</param>
    /// <param name="runs">The method runs finished so far.</param>
    public static void Save(string directory, ExperimentConfig config, IReadOnlyList<MethodRun> runs, TimeSpan elapsed)
    {
        Directory.CreateDirectory(directory);
        AtomicFile.Write(Path.Combine(directory, FileName), writer => writer.Write(JsonSerializer.Serialize(new Saved(ConfigWriter.ToYaml(config), runs.ToList(), elapsed.TotalSeconds))));
    }

    /// <summary>
    /// The runs finished before, with the same settings, and the time they took (so a resumed comparison reports
    /// its whole time); refused when the folder holds none or other settings.
    /// </summary>
    public static (IReadOnlyList<MethodRun> Runs, TimeSpan Elapsed) Load(string directory, ExperimentConfig config)
    {
        string path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            throw new UsageException($"--resume: no unfinished comparison in '{directory}' (no {FileName}); run without --resume");
        }

        Saved saved;
        try
        {
            saved = JsonSerializer.Deserialize<Saved>(File.ReadAllText(path)) ?? throw new JsonException("empty");
        }
        catch (JsonException error)
        {
            throw new UsageException($"--resume: '{path}' cannot be read ({error.Message}); delete it and run without --resume");
        }

        if (saved.ConfigYaml != ConfigWriter.ToYaml(config))
        {
            throw new UsageException($"--resume: the runs in '{directory}' were made with other settings; resume with the same experiment file and --set, or start a new --out");
        }

        return (saved.Runs, TimeSpan.FromSeconds(saved.ElapsedSeconds));
    }

    /// <summary>Removes the progress file of a finished comparison.</summary>
    public static void Finish(string directory) => File.Delete(Path.Combine(directory, FileName));

    private sealed record Saved(string ConfigYaml, List<MethodRun> Runs, double ElapsedSeconds = 0);
}
