namespace Gandse.CostModels.Systolic.Memory;

/// <summary>
/// A prefetch matrix read row by row: <c>blocks</c> folds of <c>blockRows</c> × <c>width</c> stacked vertically,
/// the last fold with only <c>lastValidCols</c> valid columns (SCALE-Sim's ws filter and is ifmap).
/// </summary>
internal sealed class RowMajorFetchOrder : IFetchOrder
{
    private readonly long _blockRows;
    private readonly long _width;
    private readonly long _lastBlock;
    private readonly long _lastValidCols;

    public RowMajorFetchOrder(long blocks, long blockRows, long width, long lastValidCols)
    {
        _blockRows = blockRows;
        _width = width;
        _lastBlock = blocks - 1;
        _lastValidCols = lastValidCols;
        ValidCount = (_lastBlock * blockRows * width) + (blockRows * lastValidCols);
        EntryCount = blocks * blockRows * width;
    }

    public long ValidCount { get; }

    public long EntryCount { get; }

    public long Position(long row, long col)
    {
        long block = row / _blockRows;
        long valid = block == _lastBlock ? _lastValidCols : _width;
        return (block * _blockRows * _width) + ((row - (block * _blockRows)) * valid) + col;
    }
}
