using Gandse.Workloads;

namespace Gandse.Io;

/// <summary>Where a CSV holds its workload: columns M, N, K for a GEMM, or a conv layer's fields.</summary>
public sealed class WorkloadColumns
{
    public static readonly IReadOnlyList<string> Gemm = new[] { "M", "N", "K" };
    public static readonly IReadOnlyList<string> Conv = new[] { "H", "W", "C", "R", "S", "filters", "stride", "padding" };

    private readonly bool _gemm;
    private readonly int[] _columns;

    public WorkloadColumns(CsvTable table)
    {
        _gemm = Gemm.Any(c => table.Column(c) >= 0);
        if (_gemm == Conv.Any(c => table.Column(c) >= 0))
        {
            throw new UsageException($"{table.Path} line 1: give the workload either as M,N,K or as conv columns {string.Join(",", Conv)}, not {(_gemm ? "both" : "neither")}");
        }

        _columns = (_gemm ? Gemm : Conv).Select(table.Column).ToArray();
    }

    public static IEnumerable<string> All => Gemm.Concat(Conv);

    public Workload Parse(string[] cells)
    {
        if (_gemm)
        {
            return new Workloads.Gemm(Dimension(cells, 0, "M"), Dimension(cells, 1, "N"), Dimension(cells, 2, "K"));
        }

        IEnumerable<string> fields = Conv.Select((name, i) => _columns[i] >= 0 ? $"{name}={cells[_columns[i]]}" : null).OfType<string>();
        return WorkloadParser.Parse("conv:" + string.Join(",", fields));
    }

    private long Dimension(string[] cells, int field, string name) =>
        _columns[field] >= 0
            ? WorkloadParser.ParsePositiveInteger(cells[_columns[field]], name)
            : throw new UsageException($"missing workload column '{name}'; a GEMM needs M, N and K");
}
