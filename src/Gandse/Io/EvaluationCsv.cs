using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Gandse.Conditions;
using Gandse.Spaces;
using Gandse.Workloads;

namespace Gandse.Io;

/// <summary>
/// Rows of designs and workloads to evaluate, read from CSV. Columns are workload fields (M, N, K, or a conv
/// layer's H, W, C, R, S, filters, stride, padding), design parameters and the condition dram_bw; missing
/// design parameters and dram_bw take defaults.
/// </summary>
public sealed class EvaluationCsv
{
    private static readonly string[] GemmColumns = { "M", "N", "K" };
    private static readonly string[] ConvColumns = { "H", "W", "C", "R", "S", "filters", "stride", "padding" };

    private EvaluationCsv(string[] header, List<string[]> rows, List<Dictionary<string, double>> designs, List<Dictionary<string, double>> conditions)
    {
        Header = header;
        Rows = rows;
        Designs = designs;
        Conditions = conditions;
    }

    public IReadOnlyList<string> Header { get; }

    /// <summary>The input cells as written, repeated in the output.</summary>
    public IReadOnlyList<string[]> Rows { get; }

    public IReadOnlyList<IReadOnlyDictionary<string, double>> Designs { get; }

    public IReadOnlyList<IReadOnlyDictionary<string, double>> Conditions { get; }

    public static EvaluationCsv Read(string path, DesignSpace space, IReadOnlyDictionary<string, string> defaults, double defaultDramBandwidth)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"input file '{path}' not found");
        }

        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { DetectColumnCountChanges = false, TrimOptions = TrimOptions.Trim });
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null)
        {
            throw new UsageException($"'{path}' is empty; expected a header row such as M,N,K,rows,cols,dataflow");
        }

        string[] header = csv.HeaderRecord;
        string[] allowed = GemmColumns.Concat(ConvColumns).Concat(space.Parameters.Select(p => p.Name)).Append(ConditionFields.DramBandwidth).ToArray();
        for (int i = 0; i < header.Length; i++)
        {
            string? canonical = allowed.FirstOrDefault(a => string.Equals(a, header[i], StringComparison.OrdinalIgnoreCase));
            header[i] = canonical ?? throw new UsageException(
                $"{path} line 1: unknown column '{header[i]}'; allowed: {string.Join(", ", allowed)}");
        }

        bool gemm = GemmColumns.Any(header.Contains);
        bool conv = ConvColumns.Any(header.Contains);
        if (gemm == conv)
        {
            throw new UsageException($"{path} line 1: give the workload either as M,N,K or as conv columns {string.Join(",", ConvColumns)}, not {(gemm ? "both" : "neither")}");
        }

        var rows = new List<string[]>();
        var designs = new List<Dictionary<string, double>>();
        var conditions = new List<Dictionary<string, double>>();
        while (csv.Read())
        {
            int line = csv.Parser.RawRow;
            string[] cells = csv.Parser.Record ?? Array.Empty<string>();
            if (cells.Length == 1 && cells[0].Length == 0)
            {
                continue;
            }

            if (cells.Length != header.Length)
            {
                throw new UsageException($"{path} line {line}: {cells.Length} cells for {header.Length} columns ({string.Join(",", header)})");
            }

            try
            {
                var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                for (int i = 0; i < header.Length; i++)
                {
                    fields[header[i]] = cells[i];
                }

                designs.Add(space.ParseValues(
                    fields.Where(f => space.Has(f.Key)).ToDictionary(f => f.Key, f => f.Value, StringComparer.OrdinalIgnoreCase), defaults));
                conditions.Add(ConditionValues(fields, gemm, defaultDramBandwidth));
                rows.Add(cells);
            }
            catch (UsageException error)
            {
                throw new UsageException($"{path} line {line}: {error.Message}");
            }
        }

        return new EvaluationCsv(header, rows, designs, conditions);
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

    private static Dictionary<string, double> ConditionValues(Dictionary<string, string> fields, bool gemm, double defaultDramBandwidth)
    {
        Workload workload = gemm
            ? WorkloadParser.ParseGemm(fields.Where(f => GemmColumns.Contains(f.Key)).ToDictionary(f => f.Key, f => f.Value))
            : WorkloadParser.Parse("conv:" + string.Join(",", fields.Where(f => ConvColumns.Contains(f.Key)).Select(f => $"{f.Key}={f.Value}")));
        double dramBandwidth = defaultDramBandwidth;
        if (fields.TryGetValue(ConditionFields.DramBandwidth, out string? token)
            && !(double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out dramBandwidth) && dramBandwidth > 0 && double.IsFinite(dramBandwidth)))
        {
            throw new UsageException($"dram_bw='{token}' is not allowed; expected a positive number");
        }

        return new Condition(workload, new Constraints(dramBandwidth), Targets.None).Values().ToDictionary(p => p.Key, p => p.Value);
    }
}
