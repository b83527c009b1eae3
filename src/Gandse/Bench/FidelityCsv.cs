using System.Globalization;
using Gandse.Conditions;
using Gandse.CostModels.Systolic;
using Gandse.Io;
using Gandse.CostModels;

namespace Gandse.Bench;

/// <summary>
/// Fidelity cases from a CSV (the columns of <c>gandse evaluate --input</c>, plus an optional <c>group</c>; without
/// it, rows with the same workload and bandwidth form a group), and every case's three results to a CSV.
/// </summary>
public static class FidelityCsv
{
    /// <summary>Reads fidelity cases from a CSV of workload, hardware and bandwidth columns.</summary>
    public static List<FidelityCase> Read(string path)
    {
        EvaluationCsv table = EvaluationCsv.Read(
            path, SystolicSpace.Create(), SystolicSpace.Defaults, SystolicConditions.Schema.Only(SystolicConditions.DramBandwidth),
            new Dictionary<string, double> { [SystolicConditions.DramBandwidth] = SystolicSpace.DefaultDramBandwidth }, new[] { "group" });
        string[]? groups = table.Cells("group");
        var groupOf = new Dictionary<string, int>();
        var cases = new List<FidelityCase>(table.Rows.Count);
        for (int i = 0; i < table.Rows.Count; i++)
        {
            var values = table.DesignColumns.ToDictionary(c => c.Key, c => c.Value[i]);
            long bandwidth = (long)table.ConditionColumns[SystolicConditions.DramBandwidth][i];
            string key = groups?[i] ?? $"{table.Workloads[i].Spec}@{bandwidth}";
            if (!groupOf.TryGetValue(key, out int group))
            {
                group = groupOf.Count;
                groupOf[key] = group;
            }

            cases.Add(new FidelityCase(group, Path.GetFileName(path), table.Workloads[i].Gemms[0], SystolicHardware.FromValues(values), bandwidth));
        }

        return cases;
    }

    /// <summary>Writes one row per case: its inputs, both simulators' metrics and their ratios.</summary>
    public static void Write(TextWriter writer, FidelityResult result)
    {
        var columns = new List<string> { "group", "source", "M", "N", "K", "rows", "cols", "dataflow", "ifmap_sram_kb", "filter_sram_kb", "ofmap_sram_kb", "dram_bw" };
        foreach (string metric in FidelityBenchmark.Metrics)
        {
            columns.AddRange(new[] { $"fast_{metric}", $"exact_{metric}", $"{result.Simulator}_{metric}" });
        }

        columns.AddRange(new[] { "fast_seconds", "exact_seconds", $"{result.Simulator}_seconds" });
        writer.WriteLine(string.Join(",", columns));
        foreach (FidelityRow row in result.Rows)
        {
            FidelityCase c = row.Case;
            var cells = new List<string>
            {
                c.Group.ToString(CultureInfo.InvariantCulture), c.Source, N(c.Gemm.M), N(c.Gemm.N), N(c.Gemm.K), N(c.Hardware.Rows), N(c.Hardware.Cols),
                DataflowNames.Name(c.Hardware.Dataflow), N(c.Hardware.IfmapSramKb), N(c.Hardware.FilterSramKb), N(c.Hardware.OfmapSramKb), N(c.Bandwidth),
            };
            foreach (string metric in FidelityBenchmark.Metrics)
            {
                cells.AddRange(new[] { N(row.Fast[metric]), N(row.Exact[metric]), N(row.Simulator[metric]) });
            }

            cells.AddRange(new[] { N(row.FastSeconds), N(row.ExactSeconds), N(row.SimulatorSeconds) });
            writer.WriteLine(string.Join(",", cells));
        }
    }

    private static string N(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
