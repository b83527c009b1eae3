using System.Diagnostics;
using Gandse.Conditions;
using Gandse.CostModels;
using Gandse.CostModels.Maestro;
using Gandse.Simulators;
using Gandse.Simulators.Maestro;
using Metric = Gandse.CostModels.Maestro.MaestroMetricValues;

namespace Gandse.Bench;

/// <summary>
/// Gandse's batched MAESTRO model against the real MAESTRO on the same rows: whether both refuse the same
/// mappings and judge the same ones valid, and per metric how many analysed cases agree exactly, within 0.1 %
/// and within 1 % (MAESTRO prints energy and area to six significant digits), with every differing runtime listed.
/// </summary>
public static class MaestroFidelityBenchmark
{
    /// <summary>The metrics compared, in report order.</summary>
    public static readonly string[] Compared =
    {
        Metric.RuntimeCycles, Metric.NumMacs, Metric.L1SizeReq, Metric.L2SizeReq, Metric.Energy, Metric.Area, Metric.Power, Metric.Throughput,
    };

    /// <summary>Runs <paramref name="rows"/> through the model and through <paramref name="runner"/>; <paramref name="progress"/> hears (runs done, runs needed).</summary>
    public static MaestroFidelityResult Run(IReadOnlyList<SimulatedRow> rows, SimulatorRunner<MaestroCase> runner, string origin, Action<int, int>? progress = null)
    {
        var model = new MaestroCostModel();
        // Every row carries every field (a field it leaves out at its ConfuciuX default), as the model reads columns.
        var conditions = rows.Select(r => (IReadOnlyDictionary<string, double>)new Condition(
            r.Workload, MaestroConditions.Schema.Fields.ToDictionary(f => f.Name, f => r.Environment.TryGetValue(f.Name, out double v) ? v : f.Default!.Value)).Values()).ToList();
        model.EvaluateRows(rows.Take(1).Select(r => r.Design).ToList(), conditions.Take(1).ToList());
        var stopwatch = Stopwatch.StartNew();
        Dictionary<string, double[]> mine = model.EvaluateRows(rows.Select(r => r.Design).ToList(), conditions);
        double modelSeconds = stopwatch.Elapsed.TotalSeconds / Math.Max(1, rows.Count);

        IReadOnlyList<(IReadOnlyDictionary<string, double> Metrics, double Seconds)> real = runner.RunTimed(rows.Select(MaestroSpaceSimulator.Case).ToList(), progress);
        int[] analysed = Enumerable.Range(0, rows.Count).Where(i => real[i].Metrics[Metric.RuntimeCycles] > 0).ToArray();
        int refusalAgreements = Enumerable.Range(0, rows.Count).Count(i => (real[i].Metrics[Metric.RuntimeCycles] > 0) == (mine[Metric.RuntimeCycles][i] > 0));
        int validAgreements = Enumerable.Range(0, rows.Count).Count(i => real[i].Metrics[Metric.Valid] == mine[Metric.Valid][i]);
        var metrics = Compared
            .Select(name => MetricAgreement.Of(name, analysed.Select(i => mine[name][i]).ToList(), analysed.Select(i => real[i].Metrics[name]).ToList()))
            .ToList();
        var differences = analysed
            .Where(i => mine[Metric.RuntimeCycles][i] != real[i].Metrics[Metric.RuntimeCycles])
            .Select(i => $"{Describe(rows[i])}: model {mine[Metric.RuntimeCycles][i]}, MAESTRO {real[i].Metrics[Metric.RuntimeCycles]}")
            .ToList();
        double[] runs = real.Select(r => r.Seconds).Where(double.IsFinite).Order().ToArray();
        return new MaestroFidelityResult(
            origin, rows.Count, analysed.Length, refusalAgreements, validAgreements, metrics, differences, modelSeconds,
            runs.Length == 0 ? double.NaN : runs[runs.Length / 2], runner.Runs, runner.CacheHits);
    }

    /// <summary>One row in the words of <c>gandse evaluate --space maestro</c>.</summary>
    public static string Describe(SimulatedRow row) =>
        $"{row.Workload.Spec} {string.Join(",", row.Design.Select(p => p.Key == MaestroParameterNames.Dataflow ? $"{p.Key}={MaestroSpace.Templates[(int)p.Value]}" : $"{p.Key}={p.Value}"))}"
        + (row.Environment.Count == 0 ? string.Empty : " " + string.Join(",", row.Environment.Select(p => $"{p.Key}={p.Value}")));
}
