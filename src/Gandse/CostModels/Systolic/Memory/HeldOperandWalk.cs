namespace Gandse.CostModels.Systolic.Memory;

/// <summary>
/// The window steps of a held operand (ws filter, is ifmap): each fold loads an R × C tile into the array one row a
/// line, from the tile's last row up, so within a tile the reads run backward through the row-by-row fetch order.
/// The window covers the tile's last row, then the reads walk back until a row falls behind it and costs a lap.
/// Each lap is found by arithmetic, so a tile costs one step per lap, not one per row.
/// </summary>
internal sealed class HeldOperandWalk
{
    private readonly ReadBufferWindow _window;
    private readonly RowMajorFetchOrder _order;
    private readonly FoldGeometry _rows;
    private readonly FoldGeometry _cols;
    private readonly long _k;
    private readonly long _linesPerFold;
    private readonly WalkBudget _budget = new();

    public HeldOperandWalk(ReadBufferWindow window, RowMajorFetchOrder order, FoldGeometry rows, FoldGeometry cols, long k, long linesPerFold)
    {
        _window = window;
        _order = order;
        _rows = rows;
        _cols = cols;
        _k = k;
        _linesPerFold = linesPerFold;
        Deficit = new StallDeficit(window);
    }

    public StallDeficit Deficit { get; }

    public void Run()
    {
        long fold = 0;
        for (long colFold = 0; colFold < _cols.Count && !_window.Fits && !_budget.Exhausted; colFold++)
        {
            long width = _cols.Used(colFold);
            for (long rowFold = 0; rowFold < _rows.Count && !_budget.Exhausted; rowFold++, fold++)
            {
                Tile(colFold, rowFold, width, fold * _linesPerFold);
            }
        }

        if (_budget.Exhausted && !_window.Fits)
        {
            WalkBudget.Extrapolate(_window, Deficit, fold, _rows.Count * _cols.Count, passes: 1, _linesPerFold, _rows.Lanes - 1);
        }
    }

    private void Tile(long colFold, long rowFold, long width, long foldLine)
    {
        long height = _rows.Used(rowFold), lanes = _rows.Lanes;
        long top = _order.Position((colFold * _k) + (rowFold * lanes) + height - 1, 0);

        // Tile row t (0 = first) is read at line lanes − 1 − t and starts `width` entries below row t + 1.
        long t = height - 1;
        Read(top, width, foldLine + lanes - 1 - t);
        while (t > 0)
        {
            // Rows whose first entry lies in a set at or above the window's start are still in the window.
            long first = top - ((height - 1 - t) * width);
            long set = first / _window.SetSize, offset = _window.OffsetOf(set);

            // A row wider than the window's slack leaves its own start behind: the next row laps at once.
            long windowStart = (set - offset) * _window.SetSize;
            long below = offset >= _window.WindowSets ? 1 : windowStart <= 0 ? long.MaxValue : ((first - windowStart) / width) + 1;
            if (below > t)
            {
                return;
            }

            t -= below;
            Read(top - ((height - 1 - t) * width), width, foldLine + lanes - 1 - t);
        }
    }

    private void Read(long first, long width, long line)
    {
        _budget.Spend();
        if (_window.Advance(first, first + width - 1) > 0)
        {
            Deficit.At(line);
        }
    }
}
