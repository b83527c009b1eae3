using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
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
    private static readonly string[] GemmColumns = { "M", "N", "K" };
    private static readonly string[] ConvColumns = { "H", "W", "C", "R", "S", "filters", "stride", "padding" };

    private EvaluationCsv(string[] header, List<string[]> rows, Dictionary<string, double[]> designs, Dictionary<string, double[]> conditions)
    {
        Header = header;
        Rows = rows;
        DesignColumns = designs;
        ConditionColumns = conditions;
    }

    public IReadOnlyList<string> Header { get; }

    /// <summary>The input cells as written, repeated in the output.</summary>
    public IReadOnlyList<string[]> Rows { get; }

    /// <summary>One column of values per design parameter.</summary>
    public IReadOnlyDictionary<string, double[]> DesignColumns { get; }

    /// <summary>Columns M, N, K (a conv layer lowered to its GEMM) and dram_bw.</summary>
    public IReadOnlyDictionary<string, double[]> ConditionColumns { get; }

    public static EvaluationCsv Read(string path, DesignSpace space, IReadOnlyDictionary<string, string> defaults, double defaultDramBandwidth)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"input file '{path}' not found");
        }

        using var reader = new StreamReader(path);
        using var csv = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim });
        if (!csv.Read() || csv.Record is null || (csv.Record.Length == 1 && csv.Record[0].Length == 0))
        {
            throw new UsageException($"'{path}' is empty; expected a header row such as M,N,K,rows,cols,dataflow");
        }

        string[] header = Canonical(path, csv.Record, space);
        bool gemm = GemmColumns.Any(header.Contains);
        if (gemm == ConvColumns.Any(header.Contains))
        {
            throw new UsageException($"{path} line 1: give the workload either as M,N,K or as conv columns {string.Join(",", ConvColumns)}, not {(gemm ? "both" : "neither")}");
        }

        var parameterColumn = space.Parameters.Select(p => Array.IndexOf(header, p.Name)).ToArray();
        double[] defaultValues = space.Parameters.Select(p =>
            parameterColumn[space.IndexOf(p.Name)] >= 0 ? 0 : p.ParseValue(defaults[p.Name])).ToArray();
        int bandwidthColumn = Array.IndexOf(header, ConditionFields.DramBandwidth);
        int[] workloadColumns = (gemm ? GemmColumns : ConvColumns).Select(c => Array.IndexOf(header, c)).ToArray();

        var rows = new List<string[]>();
        var designs = space.Parameters.Select(_ => new List<double>()).ToArray();
        var m = new List<double>();
        var n = new List<double>();
        var k = new List<double>();
        var bandwidth = new List<double>();
        while (csv.Read())
        {
            string[] cells = csv.Record!;
            if (cells.Length == 1 && cells[0].Length == 0)
            {
                continue;
            }

            int line = csv.RawRow;
            if (cells.Length != header.Length)
            {
                throw new UsageException($"{path} line {line}: {cells.Length} cells for {header.Length} columns ({string.Join(",", header)})");
            }

            try
            {
                for (int p = 0; p < designs.Length; p++)
                {
                    designs[p].Add(parameterColumn[p] >= 0 ? space.Parameters[p].ParseValue(cells[parameterColumn[p]]) : defaultValues[p]);
                }

                Gemm workload = gemm ? GemmOf(cells, workloadColumns) : ConvOf(cells, workloadColumns).ToGemm();
                m.Add(workload.M);
                n.Add(workload.N);
                k.Add(workload.K);
                bandwidth.Add(bandwidthColumn >= 0 ? Bandwidth(cells[bandwidthColumn]) : defaultDramBandwidth);
                rows.Add(cells);
            }
            catch (UsageException error)
            {
                throw new UsageException($"{path} line {line}: {error.Message}");
            }
        }

        var designColumns = space.Parameters.Select((p, i) => (p.Name, Values: designs[i].ToArray())).ToDictionary(c => c.Name, c => c.Values);
        var conditionColumns = new Dictionary<string, double[]>
        {
            [ConditionFields.M] = m.ToArray(),
            [ConditionFields.N] = n.ToArray(),
            [ConditionFields.K] = k.ToArray(),
            [ConditionFields.DramBandwidth] = bandwidth.ToArray(),
        };
        return new EvaluationCsv(header, rows, designColumns, conditionColumns);
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

    private static string[] Canonical(string path, string[] header, DesignSpace space)
    {
        string[] allowed = GemmColumns.Concat(ConvColumns).Concat(space.Parameters.Select(p => p.Name)).Append(ConditionFields.DramBandwidth).ToArray();
        var canonical = new string[header.Length];
        for (int i = 0; i < header.Length; i++)
        {
            canonical[i] = allowed.FirstOrDefault(a => string.Equals(a, header[i], StringComparison.OrdinalIgnoreCase))
                ?? throw new UsageException($"{path} line 1: unknown column '{header[i]}'; allowed: {string.Join(", ", allowed)}");
            if (Array.IndexOf(canonical, canonical[i]) < i)
            {
                throw new UsageException($"{path} line 1: column '{header[i]}' appears twice");
            }
        }

        return canonical;
    }

    private static Gemm GemmOf(string[] cells, int[] columns) => new(
        Dimension(cells, columns[0], "M"), Dimension(cells, columns[1], "N"), Dimension(cells, columns[2], "K"));

    private static ConvLayer ConvOf(string[] cells, int[] columns)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < ConvColumns.Length; i++)
        {
            if (columns[i] >= 0)
            {
                fields[ConvColumns[i]] = cells[columns[i]];
            }
        }

        return (ConvLayer)WorkloadParser.Parse("conv:" + string.Join(",", fields.Select(f => $"{f.Key}={f.Value}")));
    }

    private static long Dimension(string[] cells, int column, string name) =>
        column >= 0
            ? WorkloadParser.ParsePositiveInteger(cells[column], name)
            : throw new UsageException($"missing workload column '{name}'; a GEMM needs M, N and K");

    private static double Bandwidth(string token) =>
        double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value > 0 && double.IsFinite(value)
            ? value
            : throw new UsageException($"dram_bw='{token}' is not allowed; expected a positive number");
}
