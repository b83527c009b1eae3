using System.Globalization;
using Gandse.Conditions;
using Gandse.Spaces;
using Gandse.Workloads;
using Gandse.Io;

namespace Gandse.CostModels;

/// <summary>
/// Rows of designs and workloads to evaluate, read from CSV into columns. Columns are workload fields (M, N, K,
/// a conv layer's H, W, C, R, S, filters, stride, padding, or MAESTRO's K, C, Y, X, R, S, stride), design
/// parameters and the space's environment fields (dram_bw, noc_bw, say); missing design parameters and
/// environment fields take defaults.
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

    /// <summary>The input columns, as read.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>The input cells as written, repeated in the output.</summary>
    public IReadOnlyList<string[]> Rows { get; }

    /// <summary>One column of values per design parameter.</summary>
    public IReadOnlyDictionary<string, double[]> DesignColumns { get; }

    /// <summary>Each row's workload as written: a GEMM or a conv layer.</summary>
    public IReadOnlyList<Workload> Workloads { get; }

    /// <summary>The workloads' values (a GEMM's M, N, K and a layer's MAESTRO form; NaN where a row has none) and one column per environment field.</summary>
    public IReadOnlyDictionary<string, double[]> ConditionColumns { get; }

    /// <summary>The cells of column <paramref name="name"/> (one of the extra columns a reader allowed), or null when the file has none.</summary>
    public string[]? Cells(string name)
    {
        int column = Array.IndexOf(Header.ToArray(), name);
        return column < 0 ? null : Rows.Select(r => r[column]).ToArray();
    }

    /// <summary>Reads a batch of designs to evaluate, one per row, with their workloads and environments.</summary>
    /// <param name="environment">The environment fields rows may give as columns; <paramref name="environmentDefaults"/> holds a value for each.</param>
    /// <param name="path">A CSV file, or <c>-</c> for standard input.</param>
    /// <param name="space">The design space whose parameters the columns name.</param>
    /// <param name="defaults">Values for design parameters the file leaves out.</param>
    /// <param name="environmentDefaults">The value of each environment field a row does not give.</param>
    /// <param name="extraColumns">Further columns the caller reads itself (<see cref="Cells"/>); any other unknown column is refused.</param>
    /// <param name="workloadValues">The workload values the cost model reads (<see cref="Tasks.SpaceEntry.WorkloadValues"/>); a row whose workload has none is refused. Null for a GEMM's M, N, K.</param>
    public static EvaluationCsv Read(
        string path, DesignSpace space, IReadOnlyDictionary<string, string> defaults, ConditionSchema environment, IReadOnlyDictionary<string, double> environmentDefaults,
        IReadOnlyList<string>? extraColumns = null, IReadOnlyList<string>? workloadValues = null)
    {
        workloadValues ??= new[] { GemmFields.M, GemmFields.N, GemmFields.K };
        string[] allowed = WorkloadColumns.All.Concat(space.Parameters.Select(p => p.Name)).Concat(environment.Names).Concat(extraColumns ?? Array.Empty<string>()).ToArray();
        CsvTable table = CsvTable.Read(path, allowed, "M,N,K,rows,cols,dataflow");
        var workloads = new WorkloadColumns(table);
        int[] parameterColumn = space.Parameters.Select(p => table.Column(p.Name)).ToArray();
        double[] defaultValues = space.Parameters.Select((p, i) => parameterColumn[i] >= 0 ? 0 : p.ParseValue(defaults[p.Name])).ToArray();
        var fieldColumns = environment.Fields.Select(f => (Field: f, Column: table.Column(f.Name))).ToList();
        // A workload's values, once per distinct workload where rows that read the same share one instance (WorkloadColumns).
        var layers = new Dictionary<Workload, IReadOnlyDictionary<string, double>>(ReferenceEqualityComparer.Instance);
        bool shared = workloads.SharesWorkloads;

        var rows = table.Parse(cells =>
        {
            double[] design = space.Parameters.Select((p, i) => parameterColumn[i] >= 0 ? p.ParseValue(cells[parameterColumn[i]]) : defaultValues[i]).ToArray();
            Workload workload = workloads.Parse(cells);
            if (workload is Network network)
            {
                throw new UsageException($"workload '{network.Spec[..Math.Min(network.Spec.Length, 40)]}' is a network; evaluate --input takes one GEMM or conv layer per row (evaluate a network with -w network:…)");
            }

            if (!shared || !layers.TryGetValue(workload, out IReadOnlyDictionary<string, double>? layer))
            {
                layer = new Condition(workload, new Dictionary<string, double>()).Values();
                if (shared && layers.Count < WorkloadColumns.MaxShared)
                {
                    layers[workload] = layer;
                }
            }

            if (!workloadValues.All(layer.ContainsKey))
            {
                throw new UsageException(
                    $"workload '{workload.Spec}' has no form the {space.Name} space reads ({(workloadValues.Contains(GemmFields.M) ? "a single GEMM: a depthwise layer, or one whose filter is larger than its input, has none" : "one layer")})");
            }

            double[] fields = fieldColumns.Select(c => c.Column >= 0 && cells[c.Column].Length > 0 ? c.Field.Parse(cells[c.Column], c.Field.Name) : environmentDefaults[c.Field.Name]).ToArray();
            return (design, layer, fields, workload);
        });

        var designColumns = space.Parameters.Select((p, i) => (p.Name, Values: rows.Select(r => r.design[i]).ToArray())).ToDictionary(c => c.Name, c => c.Values);
        var conditionColumns = rows.SelectMany(r => r.layer.Keys).Distinct()
            .ToDictionary(name => name, name => rows.Select(r => r.layer.TryGetValue(name, out double v) ? v : double.NaN).ToArray());
        for (int f = 0; f < fieldColumns.Count; f++)
        {
            conditionColumns[fieldColumns[f].Field.Name] = rows.Select(r => r.fields[f]).ToArray();
        }

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
}
