namespace Gandse.CostModels.Systolic.Memory;

/// <summary>
/// Output stationary (<c>systolic_compute_os.py</c>): M on rows, N on columns, K streamed. Each fold reads a
/// K × R IFMAP slice and a K × C FILTER slice along skewed anti-diagonals and writes its R × C outputs in the
/// last R + C − 1 lines; both operands are prefetched diagonal by diagonal.
/// </summary>
internal sealed class OutputStationaryDemand : IFoldDemand
{
    private readonly long _k;
    private readonly long _r;
    private readonly FoldGeometry _rows;
    private readonly FoldGeometry _cols;

    public OutputStationaryDemand(long m, long n, long k, long arrayRows, long arrayCols)
    {
        _k = k;
        _r = arrayRows;
        _rows = new FoldGeometry(m, arrayRows);
        _cols = new FoldGeometry(n, arrayCols);
        LinesPerFold = k + arrayRows + arrayCols - 2;
        IfmapOrder = new DiagonalFetchOrder(_rows.Count, k, arrayRows, _rows.LastUsed);
        FilterOrder = new DiagonalFetchOrder(_cols.Count, k, arrayCols, _cols.LastUsed);
    }

    public long RowFolds => _rows.Count;

    public long ColFolds => _cols.Count;

    public long LinesPerFold { get; }

    public IFetchOrder IfmapOrder { get; }

    public IFetchOrder FilterOrder { get; }

    public bool Ifmap(long colFold, long rowFold, long line, out long first, out long last) =>
        Skewed(IfmapOrder, rowFold, _rows.Used(rowFold), line, out first, out last);

    public bool Filter(long colFold, long rowFold, long line, out long first, out long last) =>
        Skewed(FilterOrder, colFold, _cols.Used(colFold), line, out first, out last);

    public long OfmapWords(long colFold, long rowFold, long line)
    {
        // Outputs leave flipped (bottom row first) after K − 1 lines, skewed by column.
        long shift = line - _k + 1 - _r;
        long lo = Math.Max(0, shift + 1), hi = Math.Min(_cols.Used(colFold) - 1, shift + _rows.Used(rowFold));
        return Math.Max(0, hi - lo + 1);
    }

    private bool Skewed(IFetchOrder order, long block, long used, long line, out long first, out long last)
    {
        // Column c reads row line − c of the block: the block's part of anti-diagonal block·K + line.
        long lo = Math.Max(0, line - _k + 1), hi = Math.Min(used - 1, line);
        if (lo > hi)
        {
            first = last = 0;
            return false;
        }

        first = order.Position((block * _k) + line - lo, lo);
        last = order.Position((block * _k) + line - hi, hi);
        return true;
    }
}
