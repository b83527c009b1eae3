namespace Gandse.CostModels.Systolic.Memory;

/// <summary>
/// Weight stationary (<c>systolic_compute_ws.py</c>) and input stationary (<c>systolic_compute_is.py</c>): K on
/// rows and one operand held in the array. Each fold first loads an R × C tile of the held operand, one row per
/// line from its last row up (prefetched row by row); the other operand streams T words per lane along skewed
/// anti-diagonals (prefetched diagonal by diagonal), and the fold's partial sums leave over T + C − 1 lines.
/// ws holds the FILTER (columns over N, T = M); is holds the IFMAP (columns over M, T = N).
/// </summary>
internal sealed class StationaryDemand : IFoldDemand
{
    private readonly bool _holdsFilter;
    private readonly long _k;
    private readonly long _t;
    private readonly long _r;
    private readonly FoldGeometry _rows;
    private readonly FoldGeometry _cols;
    private readonly IFetchOrder _held;
    private readonly IFetchOrder _streamed;

    public StationaryDemand(bool holdsFilter, long m, long n, long k, long arrayRows, long arrayCols)
    {
        _holdsFilter = holdsFilter;
        _k = k;
        _t = holdsFilter ? m : n;
        _r = arrayRows;
        _rows = new FoldGeometry(k, arrayRows);
        _cols = new FoldGeometry(holdsFilter ? n : m, arrayCols);
        LinesPerFold = (2 * arrayRows) + arrayCols + _t - 2;
        _held = new RowMajorFetchOrder(_cols.Count, k, arrayCols, _cols.LastUsed);
        _streamed = new DiagonalFetchOrder(_rows.Count, _t, arrayRows, _rows.LastUsed);
    }

    public long RowFolds => _rows.Count;

    public long ColFolds => _cols.Count;

    public long LinesPerFold { get; }

    public IFetchOrder IfmapOrder => _holdsFilter ? _streamed : _held;

    public IFetchOrder FilterOrder => _holdsFilter ? _held : _streamed;

    public bool Ifmap(long colFold, long rowFold, long line, out long first, out long last) => _holdsFilter
        ? Streamed(rowFold, line, out first, out last)
        : Held(colFold, rowFold, line, out first, out last);

    public bool Filter(long colFold, long rowFold, long line, out long first, out long last) => _holdsFilter
        ? Held(colFold, rowFold, line, out first, out last)
        : Streamed(rowFold, line, out first, out last);

    public long OfmapWords(long colFold, long rowFold, long line)
    {
        long shift = line - (2 * _r) + 1;
        long lo = Math.Max(0, shift - _t + 1), hi = Math.Min(_cols.Used(colFold) - 1, shift);
        return Math.Max(0, hi - lo + 1);
    }

    private bool Held(long colFold, long rowFold, long line, out long first, out long last)
    {
        // Line l loads tile row R − 1 − l; rows past K are padding and read nothing.
        long tileRow = _r - 1 - line;
        if (line >= _r || tileRow >= _rows.Used(rowFold))
        {
            first = last = 0;
            return false;
        }

        long row = (colFold * _k) + (rowFold * _r) + tileRow;
        first = _held.Position(row, 0);
        last = _held.Position(row, _cols.Used(colFold) - 1);
        return true;
    }

    private bool Streamed(long rowFold, long line, out long first, out long last)
    {
        // After R lines of loading, lane c reads word line − R − c of the block.
        long lo = Math.Max(0, line - _r - _t + 1), hi = Math.Min(_rows.Used(rowFold) - 1, line - _r);
        if (lo > hi)
        {
            first = last = 0;
            return false;
        }

        first = _streamed.Position((rowFold * _t) + line - _r - lo, lo);
        last = _streamed.Position((rowFold * _t) + line - _r - hi, hi);
        return true;
    }
}
