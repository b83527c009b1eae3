using System.Globalization;
using Gandse.CostModels.Systolic;
using Gandse.Workloads;

namespace Gandse.Simulators.ScaleSim;

/// <summary>
/// The real SCALE-Sim v2 as a Gandse cost model: one layer per run, its reports read back under Gandse's metric
/// names. total_cycles is SCALE-Sim's "Total Cycles" + 1 (SCALE-Sim prints the last cycle's 0-based index);
/// compute_cycles is total − stall; SRAM and DRAM counts are its DETAILED_ACCESS_REPORT's; utilization, energy and
/// area are Gandse's formulas on those counts (SCALE-Sim computes neither energy nor area).
/// </summary>
public sealed class ScaleSimSimulator : IExternalSimulator<ScaleSimCase>
{
    private readonly ScaleSimInstallation _installation;

    /// <summary>Runs SCALE-Sim v2 from <paramref name="installation"/>.</summary>
    public ScaleSimSimulator(ScaleSimInstallation installation)
    {
        _installation = installation;
    }

    /// <inheritdoc/>
    public string Name => "scalesim";

    /// <inheritdoc/>
    public string Identity => _installation.Identity;

    /// <inheritdoc/>
    public string Key(ScaleSimCase c) =>
        ScaleSimFiles.Config(c.Hardware, c.Bandwidth) + "\n" + ScaleSimFiles.Topology(c.Layer) + (ScaleSimFiles.IsGemm(c.Layer) ? "gemm" : "conv");

    /// <inheritdoc/>
    public string Describe(ScaleSimCase c) =>
        $"{c.Layer.Spec} on {c.Hardware.Rows}x{c.Hardware.Cols} {DataflowNames.Name(c.Hardware.Dataflow)}, SRAM {c.Hardware.IfmapSramKb}/{c.Hardware.FilterSramKb}/{c.Hardware.OfmapSramKb} KB, {c.Bandwidth} words/cycle";

    /// <inheritdoc/>
    public ExternalRun Prepare(ScaleSimCase c, string folder)
    {
        File.WriteAllText(Path.Combine(folder, "gandse.cfg"), ScaleSimFiles.Config(c.Hardware, c.Bandwidth));
        File.WriteAllText(Path.Combine(folder, "topology.csv"), ScaleSimFiles.Topology(c.Layer));
        var arguments = new List<string> { "-m", "scalesim.scale", "-c", "gandse.cfg", "-t", "topology.csv", "-p", "out" };
        if (ScaleSimFiles.IsGemm(c.Layer))
        {
            arguments.AddRange(new[] { "-i", "gemm" });
        }

        return new ExternalRun(_installation.Python, arguments, new Dictionary<string, string> { ["PYTHONPATH"] = _installation.Folder });
    }

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, double> Read(ScaleSimCase c, string folder)
    {
        string reports = Path.Combine(folder, "out", ScaleSimFiles.RunName);
        double[] compute = FirstRow(Path.Combine(reports, "COMPUTE_REPORT.csv"), 6);
        double[] access = FirstRow(Path.Combine(reports, "DETAILED_ACCESS_REPORT.csv"), 19);
        long total = (long)compute[1] + 1, stall = (long)compute[2];
        SystolicMetrics metrics = SystolicAccounting.Metrics(
            c.Hardware, c.Gemm, computeCycles: total - stall, stallCycles: stall,
            dramIfmapReads: (long)access[12], dramFilterReads: (long)access[15], dramOfmapWrites: (long)access[18]);
        var values = new Dictionary<string, double>(metrics.ToDictionary())
        {
            [SystolicMetricNames.IfmapSramReads] = access[3],
            [SystolicMetricNames.FilterSramReads] = access[6],
            [SystolicMetricNames.OfmapSramWrites] = access[9],
        };
        return values;
    }

    /// <summary>The first data row of a SCALE-Sim report: comma-separated numbers after a header, with a trailing comma.</summary>
    private static double[] FirstRow(string path, int columns)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{Path.GetFileName(path)} is missing");
        }

        string[] lines = File.ReadAllLines(path).Where(l => l.Trim().Length > 0).ToArray();
        if (lines.Length < 2)
        {
            throw new InvalidDataException($"{Path.GetFileName(path)} has no data row");
        }

        string[] cells = lines[1].Split(',').Select(s => s.Trim()).Where(s => s.Length > 0).ToArray();
        if (cells.Length < columns)
        {
            throw new InvalidDataException($"{Path.GetFileName(path)} has {cells.Length} columns, expected {columns}");
        }

        return cells.Take(columns).Select(s => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
    }
}
