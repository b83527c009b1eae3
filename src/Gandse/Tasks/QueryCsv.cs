using Gandse.Conditions;
using Gandse.Tasks;
using Gandse.Workloads;
using Gandse.Io;

namespace Gandse.Tasks;

/// <summary>
/// Queries for <c>gandse generate --input</c>: a workload (M, N, K, conv fields or a <c>workload</c> column of specs)
/// and a column per condition field the task reads (<see cref="IDseTask.Conditions"/>); empty cells and missing
/// columns take the task's defaults. A condition column the task does not read is refused.
/// </summary>
public sealed class QueryCsv
{
    private QueryCsv(CsvTable table, IReadOnlyList<Condition> conditions)
    {
        Header = table.Header;
        Rows = table.Rows.Select(r => r.Cells).ToList();
        Conditions = conditions;
    }

    /// <summary>The header's cells.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>The data rows' cells, in file order.</summary>
    public IReadOnlyList<string[]> Rows { get; }

    /// <summary>One query per row.</summary>
    public IReadOnlyList<Condition> Conditions { get; }

    /// <summary>Reads a CSV of queries: workload columns (or a workload spec column) and condition columns.</summary>
    /// <param name="known">Every condition column some space declares; those outside <paramref name="task"/>'s schema are refused by name.</param>
    /// <param name="path">A CSV file, or <c>-</c> for standard input.</param>
    /// <param name="task">The task whose schema the conditions follow; missing fields take its defaults.</param>
    public static QueryCsv Read(string path, IDseTask task, ConditionSchema known)
    {
        ConditionSchema reads = task.Conditions;
        CsvTable table = CsvTable.Read(path, WorkloadColumns.All.Concat(known.Names).Concat(reads.Names).Distinct().ToList(), "M,N,K," + string.Join(",", reads.Names));
        reads.Refuse(known.Names.Where(n => table.Column(n) >= 0), $"task {task.Name}", name => $"column {name}", $"{path}: ");
        var workloads = new WorkloadColumns(table);
        var columns = reads.Fields.Select(f => (Field: f, Column: table.Column(f.Name))).Where(c => c.Column >= 0).ToList();
        List<Condition> conditions = table.Parse(cells =>
        {
            var given = columns.Where(c => cells[c.Column].Length > 0).ToDictionary(c => c.Field.Name, c => c.Field.Parse(cells[c.Column], c.Field.Name));
            return task.Query(workloads.Parse(cells), given);
        });
        return new QueryCsv(table, conditions);
    }
}
