using System.Globalization;
using Gandse.Config;
using TorchSharp.Modules;
using static TorchSharp.torch.utils.tensorboard;

namespace Gandse.Runs;

/// <summary>
/// One training run's folder: the resolved config (<c>config.yaml</c>), the seed and Gandse version (<c>run.json</c>), a metrics CSV, and TensorBoard
/// event files. Named <c>runs/&lt;experiment&gt;-&lt;yyyyMMdd-HHmmss&gt;-s&lt;seed&gt;</c> unless given.
/// </summary>
public sealed class RunDirectory : IDisposable
{
    private readonly StreamWriter _metrics;
    private readonly string[] _columns;

    /// <summary>Opens (or, with <paramref name="resume"/>, reopens) the run folder and writes its config and run.json.</summary>
    /// <param name="resume">Continue a run: metrics.csv with the same columns is appended to, not replaced, and run.json keeps its start.</param>
    /// <param name="path">The run folder, created if missing.</param>
    /// <param name="config">The resolved config, written as config.yaml.</param>
    /// <param name="metricColumns">The columns of metrics.csv.</param>
    public RunDirectory(string path, ExperimentConfig config, IReadOnlyList<string> metricColumns, bool resume = false)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(Path);
        File.WriteAllText(System.IO.Path.Combine(Path, "config.yaml"), ConfigWriter.ToYaml(config));
        string runJson = System.IO.Path.Combine(Path, "run.json");
        string now = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        var run = resume && File.Exists(runJson) && System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(runJson)) is System.Text.Json.Nodes.JsonObject previous
            ? previous
            : new System.Text.Json.Nodes.JsonObject { ["experiment"] = config.Experiment, ["seed"] = config.Seed, ["started_utc"] = now };
        run["gandse_version"] = Runtime.GandseVersion.Current;
        if (resume)
        {
            run["resumed_utc"] = now;
        }

        Gandse.Io.AtomicFile.Write(runJson, writer => writer.Write(run.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true })));
        _columns = metricColumns.ToArray();
        string metrics = System.IO.Path.Combine(Path, "metrics.csv");
        string header = string.Join(",", _columns);
        bool append = resume && File.Exists(metrics) && File.ReadLines(metrics).FirstOrDefault() == header;
        _metrics = new StreamWriter(metrics, append) { AutoFlush = true };
        if (!append)
        {
            _metrics.WriteLine(header);
        }
        Writer = SummaryWriter(Path, null, false);
        Writer.add_text("config", ConfigWriter.ToMarkdownTable(config), 0);
        Writer.add_text("gandse_version", Runtime.GandseVersion.Current, 0);
    }

    /// <summary>The run folder.</summary>
    public string Path { get; }

    /// <summary>The TensorBoard writer into the run folder.</summary>
    public SummaryWriter Writer { get; }

    /// <summary>The folder a run started at <paramref name="now"/> gets when none is given (runs/, named after the experiment, the time and the seed).</summary>
    public static string DefaultPath(ExperimentConfig config, DateTime now) =>
        System.IO.Path.Combine("runs", $"{config.Experiment}-{now:yyyyMMdd-HHmmss}-s{config.Seed}");

    /// <summary>One CSV row; columns not in <paramref name="values"/> stay empty.</summary>
    public void WriteMetrics(IReadOnlyDictionary<string, double> values)
    {
        _metrics.WriteLine(string.Join(",", _columns.Select(c => values.TryGetValue(c, out double v) ? v.ToString("R", CultureInfo.InvariantCulture) : string.Empty)));
    }

    /// <summary>Flushes and closes metrics.csv and the TensorBoard writer.</summary>
    public void Dispose()
    {
        // TorchSharp's SummaryWriter writes each event as it is added and holds nothing open.
        _metrics.Dispose();
    }
}
