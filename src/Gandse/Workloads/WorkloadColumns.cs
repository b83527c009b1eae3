using System.Text;
using Gandse.Workloads;
using Gandse.Io;

namespace Gandse.Workloads;

/// <summary>
/// Where a CSV holds its workload: columns M, N, K for a GEMM, a conv layer's fields in SCALE-Sim's names (H, W, C,
/// R, S, filters, stride, padding) or in MAESTRO's (K, C, Y, X, R, S, stride: a column Y or X says which), or a
/// <c>workload</c> column holding any workload spec (<c>gemm:…</c>, <c>conv:…</c>, <c>network:resnet50</c>, …).
/// </summary>
public sealed class WorkloadColumns
{
    /// <summary>The column holding a whole workload spec.</summary>
    public const string Spec = "workload";
    /// <summary>The columns of a GEMM.</summary>
    public static readonly IReadOnlyList<string> Gemm = new[] { "M", "N", "K" };
    /// <summary>The columns of a conv layer.</summary>
    public static readonly IReadOnlyList<string> Conv = new[] { "H", "W", "C", "R", "S", "filters", "stride", "padding" };
    /// <summary>The columns of a conv layer in MAESTRO's names.</summary>
    public static readonly IReadOnlyList<string> MaestroConv = new[] { "K", "C", "Y", "X", "R", "S", "stride" };

    private readonly Kind _kind;
    private readonly int[] _columns;
    // Workloads already parsed, by spec: a file that sweeps designs repeats each layer on many rows, and parsing a
    // spec is most of the time a row takes to read. Only successes are kept, so a bad row is refused with its own
    // line as before. Capped (MaxShared): a file of distinct layers would otherwise grow it by a row each (measured:
    // 4-16 % slower reads of 100,000 such rows), where a capped one costs a look-up.
    private readonly Dictionary<string, Workload> _parsed = new(StringComparer.Ordinal);
    private readonly StringBuilder _spec = new();

    /// <summary>Finds the workload columns of <paramref name="table"/>; a mix of forms is a <see cref="UsageException"/>.</summary>
    public WorkloadColumns(CsvTable table)
    {
        // Columns only one form has: M, N (GEMM); H, W, filters, padding (SCALE-Sim's conv); Y, X (MAESTRO's conv).
        bool gemm = new[] { "M", "N" }.Any(c => table.Column(c) >= 0);
        bool conv = new[] { "H", "W", "filters", "padding" }.Any(c => table.Column(c) >= 0);
        bool maestro = new[] { "Y", "X" }.Any(c => table.Column(c) >= 0);
        bool spec = table.Column(Spec) >= 0;
        int given = (gemm ? 1 : 0) + (conv ? 1 : 0) + (maestro ? 1 : 0) + (spec ? 1 : 0);
        if (given != 1)
        {
            throw new UsageException(
                $"{table.Path} line 1: give the workload in one way, as M,N,K, as conv columns {string.Join(",", Conv)}, as MAESTRO's {string.Join(",", MaestroConv)} or as a '{Spec}' column of specs; {(given == 0 ? "found none" : "found more than one")}");
        }

        _kind = spec ? Kind.Spec : gemm ? Kind.Gemm : conv ? Kind.Conv : Kind.Maestro;
        _columns = _kind switch
        {
            Kind.Spec => new[] { table.Column(Spec) },
            Kind.Gemm => Gemm.Select(table.Column).ToArray(),
            Kind.Conv => Conv.Select(table.Column).ToArray(),
            _ => MaestroConv.Select(table.Column).ToArray(),
        };
    }

    private enum Kind
    {
        Gemm,
        Conv,
        Maestro,
        Spec,
    }

    /// <summary>Whether rows whose workload reads the same get one instance (all forms but a GEMM's three columns, which are parsed afresh).</summary>
    public bool SharesWorkloads => _kind != Kind.Gemm;

    /// <summary>Distinct workloads kept for sharing; rows of further layers are parsed each time.</summary>
    public const int MaxShared = 16_384;

    /// <summary>Every column name a workload may be given in.</summary>
    public static IEnumerable<string> All => Gemm.Concat(Conv).Concat(MaestroConv).Append(Spec).Distinct();

    /// <summary>The workload of one row; rows whose workload reads the same get the same instance.</summary>
    public Workload Parse(string[] cells)
    {
        if (_kind == Kind.Gemm)
        {
            // Three integers: quicker to parse than to look up.
            return new Workloads.Gemm(Dimension(cells, 0, "M"), Dimension(cells, 1, "N"), Dimension(cells, 2, "K"));
        }

        string spec = _kind == Kind.Spec ? cells[_columns[0]] : ConvSpec(cells, _kind == Kind.Conv ? Conv : MaestroConv);
        if (!_parsed.TryGetValue(spec, out Workload? workload))
        {
            workload = WorkloadParser.Parse(spec);
            if (_parsed.Count < MaxShared)
            {
                _parsed[spec] = workload;
            }
        }

        return workload;
    }

    /// <summary>A conv spec from the row's layer columns: <c>conv:name=value,…</c> over the columns the file has.</summary>
    private string ConvSpec(string[] cells, IReadOnlyList<string> names)
    {
        StringBuilder spec = _spec.Clear().Append("conv:");
        for (int i = 0; i < names.Count; i++)
        {
            if (_columns[i] >= 0)
            {
                spec.Append(spec.Length > 5 ? "," : string.Empty).Append(names[i]).Append('=').Append(cells[_columns[i]]);
            }
        }

        return spec.ToString();
    }

    private long Dimension(string[] cells, int field, string name) =>
        _columns[field] >= 0
            ? WorkloadParser.ParsePositiveInteger(cells[_columns[field]], name)
            : throw new UsageException($"missing workload column '{name}'; a GEMM needs M, N and K");
}
