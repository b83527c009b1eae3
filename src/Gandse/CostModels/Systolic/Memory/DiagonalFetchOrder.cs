namespace Gandse.CostModels.Systolic.Memory;

/// <summary>
/// A prefetch matrix read anti-diagonal by anti-diagonal, each from its highest row to its lowest, as SCALE-Sim v2
/// rolls out the skewed operands (os ifmap and filter, ws ifmap, is filter): <c>blocks</c> folds of
/// <c>blockRows</c> × <c>width</c> stacked vertically, the last with <c>lastValidCols</c> valid columns.
/// Positions are closed-form, so no matrix is built.
/// </summary>
internal sealed class DiagonalFetchOrder : IFetchOrder
{
    private readonly long _rows;
    private readonly long _width;
    private readonly long _blockRows;
    private readonly long _lastBlockStart;
    private readonly long _lastValidCols;

    public DiagonalFetchOrder(long blocks, long blockRows, long width, long lastValidCols)
    {
        _rows = blocks * blockRows;
        _width = width;
        _blockRows = blockRows;
        _lastBlockStart = (blocks - 1) * blockRows;
        _lastValidCols = lastValidCols;
        EntryCount = _rows * width;
        ValidCount = EntryCount - (blockRows * (width - lastValidCols));
    }

    public long ValidCount { get; }

    public long EntryCount { get; }

    public long Position(long row, long col)
    {
        long diagonal = row + col;
        long firstCol = diagonal - Math.Min(diagonal, _rows - 1);
        long position = EntriesBefore(diagonal) - PaddingBefore(diagonal) + (col - firstCol);
        if (_lastValidCols < _width)
        {
            // Padding on this diagonal ahead of (row, col): columns ≥ lastValidCols at rows of the last fold.
            long from = Math.Max(_lastValidCols, firstCol), to = Math.Min(col - 1, diagonal - _lastBlockStart);
            position -= Math.Max(0, to - from + 1);
        }

        return position;
    }

    /// <summary>All entries on anti-diagonals 0 … d − 1.</summary>
    private long EntriesBefore(long d)
    {
        long upToRows = d <= _rows ? d * (d + 1) / 2 : (_rows * (_rows + 1) / 2) + ((d - _rows) * _rows);
        long q = d - _width;
        return upToRows - (q > 0 ? q * (q + 1) / 2 : 0);
    }

    /// <summary>Padding entries on anti-diagonals 0 … d − 1.</summary>
    private long PaddingBefore(long d)
    {
        if (_lastValidCols >= _width)
        {
            return 0;
        }

        // Column c of the padding holds rows lastBlockStart … rows − 1; those on diagonals < d number
        // clamp(d − lastBlockStart − c, 0, blockRows). Summed over c = lastValidCols … width − 1.
        long x = d - _lastBlockStart;
        return ClampedSum(x - _lastValidCols) - ClampedSum(x - _width);
    }

    /// <summary>Σ over y ≤ x of clamp(y, 0, blockRows).</summary>
    private long ClampedSum(long x)
    {
        long t = _blockRows;
        return x <= 0 ? 0 : x <= t ? x * (x + 1) / 2 : (t * (t + 1) / 2) + ((x - t) * t);
    }
}
