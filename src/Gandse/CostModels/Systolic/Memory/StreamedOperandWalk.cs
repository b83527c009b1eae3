namespace Gandse.CostModels.Systolic.Memory;

/// <summary>
/// The window steps of a streamed operand (os ifmap and filter, ws ifmap, is filter), a fold at a time. A fold
/// reads one block of the diagonal fetch order from its first entry to its last, forward, so the fold's steps
/// follow from those two positions alone: a block that starts behind the window costs a lap, the rest streams.
/// Blocks run either as passes (all blocks in order, once per column fold: os and ws ifmap, is filter) or each
/// block read again by consecutive folds (os filter, once per row fold).
/// </summary>
internal sealed class StreamedOperandWalk
{
    private readonly ReadBufferWindow _window;
    private readonly DiagonalFetchOrder _order;
    private readonly FoldGeometry _blocks;
    private readonly long _blockRows;
    private readonly long _linesPerFold;
    private readonly long _lineOffset;
    private readonly WalkBudget _budget = new();
    private long _walkedFolds;

    /// <param name="window">The operand's read buffer.</param>
    /// <param name="order">Its diagonal fetch order.</param>
    /// <param name="blocks">How the array's lanes fold over the operand's spatial dimension: one block per fold.</param>
    /// <param name="blockRows">T, the words each lane streams per fold.</param>
    /// <param name="linesPerFold">Lines per fold.</param>
    /// <param name="lineOffset">Lines into a fold before its first read (ws and is load their tile first).</param>
    public StreamedOperandWalk(ReadBufferWindow window, DiagonalFetchOrder order, FoldGeometry blocks, long blockRows, long linesPerFold, long lineOffset)
    {
        _window = window;
        _order = order;
        _blocks = blocks;
        _blockRows = blockRows;
        _linesPerFold = linesPerFold;
        _lineOffset = lineOffset;
        Deficit = new StallDeficit(window);
    }

    public StallDeficit Deficit { get; }

    /// <summary>Blocks 0 … B − 1 in order, <paramref name="passes"/> times over.</summary>
    public void RunPasses(long passes)
    {
        long units = RepeatedUnitWalk.Run(_window, Deficit, passes, _blocks.Count * _linesPerFold, 0, _budget, (line, deficit) =>
        {
            for (long block = 0; block < _blocks.Count && !_budget.Exhausted; block++)
            {
                Fold(block, line + (block * _linesPerFold), deficit);
            }
        });
        Finish(units < passes, passes * _blocks.Count, passes);
    }

    /// <summary>Each block read by <paramref name="repeats"/> consecutive folds before the next block.</summary>
    public void RunRepeats(long repeats)
    {
        bool cut = false;
        for (long block = 0; block < _blocks.Count && !_window.Fits && !cut; block++)
        {
            long b = block;
            long walked = _walkedFolds;
            long units = RepeatedUnitWalk.Run(_window, Deficit, repeats, _linesPerFold, block * repeats * _linesPerFold, _budget, (line, deficit) => Fold(b, line, deficit));
            cut = units < repeats;

            // Repeats skipped by a cycle count as walked: the walk accounted for their steps exactly.
            _walkedFolds = cut ? _walkedFolds : walked + repeats;
        }

        Finish(cut, _blocks.Count * repeats, passes: 1);
    }

    private void Finish(bool cut, long totalFolds, long passes)
    {
        if (cut)
        {
            WalkBudget.Extrapolate(_window, Deficit, _walkedFolds, totalFolds, passes, _linesPerFold, _lineOffset + _blockRows + _blocks.Lanes - 2);
        }
    }

    private void Fold(long block, long foldLine, StallDeficit deficit)
    {
        _budget.Spend();
        _walkedFolds++;
        long used = _blocks.Used(block);
        long first = _order.Position(block * _blockRows, 0);
        long last = _order.Position((block * _blockRows) + _blockRows - 1, used - 1);
        long firstLine = foldLine + _lineOffset;

        // A lap, if the block starts behind the window, is needed by the fold's first line.
        if (_window.Advance(first, first) > 0)
        {
            deficit.At(firstLine);
        }

        if (_window.Advance(first, last) > 0)
        {
            // The last step was needed when the reads reached the set that entered the window with it; reads move
            // about `used` entries a line, so that was this many entries before the fold's last read.
            long lastSet = last / _window.SetSize;
            long margin = _window.OffsetOf(lastSet) - (_window.WindowSets - _window.StepSets);
            long entriesBefore = (margin * _window.SetSize) + (last % _window.SetSize);
            long lastLine = firstLine + _blockRows + used - 2;
            deficit.At(Math.Max(firstLine, lastLine - (entriesBefore / used)));
        }
    }
}
