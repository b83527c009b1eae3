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

    public RunDirectory(string path, ExperimentConfig config, IReadOnlyList<string> metricColumns)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(Path);
        File.WriteAllText(System.IO.Path.Combine(Path, "config.yaml"), ConfigWriter.ToYaml(config));
        File.WriteAllText(System.IO.Path.Combine(Path, "run.json"), new System.Text.Json.Nodes.JsonObject
        {
            ["experiment"] = config.Experiment,
            ["seed"] = config.Seed,
            ["gandse_version"] = Runtime.GandseVersion.Current,
            ["started_utc"] = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        }.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        _columns = metricColumns.ToArray();
        _metrics = new StreamWriter(System.IO.Path.Combine(Path, "metrics.csv"), append: false) { AutoFlush = true };
        _metrics.WriteLine(string.Join(",", _columns));
        Writer = SummaryWriter(Path, null, false);
        Writer.add_text("config", ConfigWriter.ToMarkdownTable(config), 0);
        Writer.add_text("gandse_version", Runtime.GandseVersion.Current, 0);
    }

    public string Path { get; }

    public SummaryWriter Writer { get; }

    public static string DefaultPath(ExperimentConfig config, DateTime now) =>
        System.IO.Path.Combine("runs", $"{config.Experiment}-{now:yyyyMMdd-HHmmss}-s{config.Seed}");

    /// <summary>One CSV row; columns not in <paramref name="values"/> stay empty.</summary>
    public void WriteMetrics(IReadOnlyDictionary<string, double> values)
    {
        _metrics.WriteLine(string.Join(",", _columns.Select(c => values.TryGetValue(c, out double v) ? v.ToString("R", CultureInfo.InvariantCulture) : string.Empty)));
    }

    public void Dispose()
    {
        // TorchSharp's SummaryWriter writes each event as it is added and holds nothing open.
        _metrics.Dispose();
    }
}
