using System.Globalization;
using Gandse.Conditions;
using Gandse.Spaces;
using Gandse.Workloads;

namespace Gandse.Io;

/// <summary>
/// Rows of designs and workloads to evaluate, read from CSV into columns. Columns are workload fields (M, N, K,
/// or a conv layer's H, W, C, R, S, filters, stride, padding), design parameters and the condition dram_bw;
/// missing design parameters and dram_bw take defaults.
/// </summary>
public sealed class EvaluationCsv
{
    private EvaluationCsv(CsvTable table, Dictionary<string, double[]> designs, Dictionary<string, double[]> conditions, IReadOnlyList<Workload> workloads)
    {
        Workloads = workloads;
        Header = table.Header;
        Rows = table.Rows.Select(r => r.Cells).ToList();
        DesignColumns = designs;
        ConditionColumns = conditions;
    }

    public IReadOnlyList<string> Header { get; }

    /// <summary>The input cells as written, repeated in the output.</summary>
    public IReadOnlyList<string[]> Rows { get; }

    /// <summary>One column of values per design parameter.</summary>
    public IReadOnlyDictionary<string, double[]> DesignColumns { get; }

    /// <summary>Each row's workload as written: a GEMM or a conv layer.</summary>
    public IReadOnlyList<Workload> Workloads { get; }

    /// <summary>Columns M, N, K (a conv layer lowered to its GEMM) and dram_bw.</summary>
    public IReadOnlyDictionary<string, double[]> ConditionColumns { get; }

    /// <summary>The cells of column <paramref name="name"/> (one of the extra columns a reader allowed), or null when the file has none.</summary>
    public string[]? Cells(string name)
    {
        int column = Array.IndexOf(Header.ToArray(), name);
        return column < 0 ? null : Rows.Select(r => r[column]).ToArray();
    }

    public static EvaluationCsv Read(string path, DesignSpace space, IReadOnlyDictionary<string, string> defaults, double defaultDramBandwidth, IReadOnlyList<string>? extraColumns = null)
    {
        string[] allowed = WorkloadColumns.All.Concat(space.Parameters.Select(p => p.Name)).Append(ConditionFields.DramBandwidth).Concat(extraColumns ?? Array.Empty<string>()).ToArray();
        CsvTable table = CsvTable.Read(path, allowed, "M,N,K,rows,cols,dataflow");
        var workloads = new WorkloadColumns(table);
        int[] parameterColumn = space.Parameters.Select(p => table.Column(p.Name)).ToArray();
        double[] defaultValues = space.Parameters.Select((p, i) => parameterColumn[i] >= 0 ? 0 : p.ParseValue(defaults[p.Name])).ToArray();
        int bandwidthColumn = table.Column(ConditionFields.DramBandwidth);

        var rows = table.Parse(cells =>
        {
            double[] design = space.Parameters.Select((p, i) => parameterColumn[i] >= 0 ? p.ParseValue(cells[parameterColumn[i]]) : defaultValues[i]).ToArray();
            Workload workload = workloads.Parse(cells);
            if (workload is Network network)
            {
                throw new UsageException($"workload '{network.Spec[..Math.Min(network.Spec.Length, 40)]}' is a network; evaluate --input takes one GEMM or conv layer per row (evaluate a network with -w network:…)");
            }

            Gemm gemm = workload.Gemms[0];
            double bandwidth = bandwidthColumn >= 0 ? Bandwidth(cells[bandwidthColumn], ConditionFields.DramBandwidth) : defaultDramBandwidth;
            return (design, gemm, bandwidth, workload);
        });

        var designColumns = space.Parameters.Select((p, i) => (p.Name, Values: rows.Select(r => r.design[i]).ToArray())).ToDictionary(c => c.Name, c => c.Values);
        var conditionColumns = new Dictionary<string, double[]>
        {
            [ConditionFields.M] = rows.Select(r => (double)r.gemm.M).ToArray(),
            [ConditionFields.N] = rows.Select(r => (double)r.gemm.N).ToArray(),
            [ConditionFields.K] = rows.Select(r => (double)r.gemm.K).ToArray(),
            [ConditionFields.DramBandwidth] = rows.Select(r => r.bandwidth).ToArray(),
        };
        return new EvaluationCsv(table, designColumns, conditionColumns, rows.Select(r => r.workload).ToList());
    }

    /// <summary>The input columns, then one column per metric.</summary>
    public void Write(TextWriter writer, IReadOnlyList<string> metricNames, IReadOnlyDictionary<string, double[]> metrics)
    {
        writer.WriteLine(string.Join(",", Header.Concat(metricNames)));
        var line = new System.Text.StringBuilder();
        for (int row = 0; row < Rows.Count; row++)
        {
            line.Clear();
            line.AppendJoin(',', Rows[row]);
            foreach (string metric in metricNames)
            {
                line.Append(',').Append(metrics[metric][row].ToString("R", CultureInfo.InvariantCulture));
            }

            writer.WriteLine(line);
        }
    }

    /// <summary>A DRAM bandwidth: whole words per cycle, as SCALE-Sim's Bandwidth setting and its fetch lines take it.</summary>
    public static double Bandwidth(string token, string name) =>
        long.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out long value) && value > 0
            ? value
            : throw new UsageException($"{name}='{token}' is not allowed; expected a whole number of words per cycle, at least 1");

    public static double PositiveNumber(string token, string name) =>
        double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value > 0 && double.IsFinite(value)
            ? value
            : throw new UsageException($"{name}='{token}' is not allowed; expected a positive number");
}
