namespace Gandse.CostModels.Systolic.Memory;

/// <summary>
/// SCALE-Sim v2's double-buffered OFMAP SRAM (<c>scalesim/memory/write_buffer.py</c>), replayed a demand line at a
/// time. Every word written goes to DRAM, partial sums included, whatever the SRAM size:
/// <list type="bullet">
/// <item>Written words are packed into lines of <c>bandwidth</c> words. When more than the drain half is held and
/// no drain is running, the open line is closed (padded) and one drain starts at once: it sends ⌈drain words /
/// bandwidth⌉ lines, one per cycle, and frees their words immediately, counting a padded line as full unless it
/// is the drain's last.</item>
/// <item>The array stalls only when the SRAM is full while a drain is running, until that drain ends.</item>
/// <item>What is left at the end is drained after the last cycle and costs no time.</item>
/// </list>
/// </summary>
internal sealed class WriteBufferQueue
{
    private readonly long _bandwidth;
    private readonly long _active;
    private readonly long _linesPerDrain;
    // Lines not yet drained, oldest first, as runs of lines that hold the same number of words: full lines
    // merge, a line padded when a drain started stands alone.
    private readonly List<(long Lines, long Valid)> _pending = new();
    private int _head;
    private long _pendingLines;
    private long _free;
    private long _openWords;
    private long _drainEnd;

    public WriteBufferQueue(long words, long bandwidth)
    {
        _bandwidth = bandwidth;
        _active = (words + 1) / 2;
        _linesPerDrain = (words - _active + bandwidth - 1) / bandwidth;
        _free = words;
    }

    public long DramWrites { get; private set; }

    /// <summary>Writes <paramref name="count"/> words in the line at <paramref name="cycle"/>; returns the cycles it waits.</summary>
    public long Write(long cycle, long count)
    {
        long now = cycle;
        while (count > 0)
        {
            long n;
            if (now < _drainEnd)
            {
                // Words go in until the SRAM is full; the word that fills it waits for the running drain.
                n = Math.Min(count, Math.Max(_free, 1));
                Store(n);
                if (_free <= 0)
                {
                    now = _drainEnd;
                }
            }
            else
            {
                // Words go in until more than the drain half is held; that word starts a drain.
                n = Math.Min(count, _free >= _active ? _free - _active + 1 : 1);
                Store(n);
                if (_free < _active)
                {
                    CloseLine();
                    _drainEnd = Drain(now);
                }
            }

            count -= n;
        }

        return now - cycle;
    }

    /// <summary>Drains what is left after the last cycle (SCALE-Sim counts these writes, not their time).</summary>
    public void Flush(long cycle)
    {
        CloseLine();
        while (_pendingLines > 0)
        {
            cycle = Drain(cycle) + 1;
        }
    }

    private void Store(long words)
    {
        _free -= words;
        _openWords += words;
        Push(_openWords / _bandwidth, _bandwidth);
        _openWords %= _bandwidth;
    }

    private void CloseLine()
    {
        Push(_openWords > 0 ? 1 : 0, _openWords);
        _openWords = 0;
    }

    private void Push(long lines, long valid)
    {
        if (lines <= 0)
        {
            return;
        }

        _pendingLines += lines;
        int tail = _pending.Count - 1;
        if (tail >= _head && _pending[tail].Valid == valid && valid == _bandwidth)
        {
            _pending[tail] = (_pending[tail].Lines + lines, valid);
        }
        else
        {
            _pending.Add((lines, valid));
        }
    }

    private long Drain(long start)
    {
        long take = Math.Min(_linesPerDrain, _pendingLines), left = take, lastValid = 0;
        while (left > 0)
        {
            (long lines, long valid) = _pending[_head];
            long used = Math.Min(lines, left);
            left -= used;
            lastValid = valid;
            if (used == lines)
            {
                _head++;
            }
            else
            {
                _pending[_head] = (lines - used, valid);
            }
        }

        if (_head == _pending.Count)
        {
            _pending.Clear();
            _head = 0;
        }
        else if (_head > 1024 && _head > _pending.Count / 2)
        {
            _pending.RemoveRange(0, _head);
            _head = 0;
        }

        _pendingLines -= take;
        long words = (take * _bandwidth) - (_bandwidth - lastValid);
        DramWrites += words;
        _free += words;
        return start + take - 1;
    }
}
