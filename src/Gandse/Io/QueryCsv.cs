using Gandse.Conditions;
using Gandse.Tasks;

namespace Gandse.Io;

/// <summary>
/// Queries for <c>gandse generate --input</c>: a workload (M, N, K or conv fields) and optionally
/// mac_budget, sram_budget_kb, dram_bw and target_latency; missing values take the task's defaults.
/// </summary>
public sealed class QueryCsv
{
    private QueryCsv(CsvTable table, IReadOnlyList<Condition> conditions)
    {
        Header = table.Header;
        Rows = table.Rows.Select(r => r.Cells).ToList();
        Conditions = conditions;
    }

    public static IReadOnlyList<string> ConditionColumns { get; } = new[]
    {
        ConditionFields.MacBudget, ConditionFields.SramBudgetKb, ConditionFields.DramBandwidth, ConditionFields.TargetLatency,
    };

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<string[]> Rows { get; }

    public IReadOnlyList<Condition> Conditions { get; }

    public static QueryCsv Read(string path, IDseTask task)
    {
        CsvTable table = CsvTable.Read(path, WorkloadColumns.All.Concat(ConditionColumns).ToList(), "M,N,K,mac_budget");
        var workloads = new WorkloadColumns(table);
        int[] columns = ConditionColumns.Select(table.Column).ToArray();
        double? Value(string[] cells, int field) =>
            columns[field] >= 0 && cells[columns[field]].Length > 0
                ? ConditionColumns[field] == ConditionFields.DramBandwidth ? EvaluationCsv.Bandwidth(cells[columns[field]], ConditionColumns[field]) : EvaluationCsv.PositiveNumber(cells[columns[field]], ConditionColumns[field])
                : null;

        List<Condition> conditions = table.Parse(cells => task.Query(workloads.Parse(cells), Value(cells, 0), Value(cells, 1), Value(cells, 2), Value(cells, 3)));
        return new QueryCsv(table, conditions);
    }
}
