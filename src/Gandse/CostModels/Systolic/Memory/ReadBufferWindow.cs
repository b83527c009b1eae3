namespace Gandse.CostModels.Systolic.Memory;

/// <summary>
/// SCALE-Sim v2's double-buffered read SRAM (<c>scalesim/memory/read_buffer.py</c>) in USER bandwidth mode,
/// replayed a demand range at a time instead of an address at a time.
/// <list type="bullet">
/// <item>The fetch order's valid entries are cut into sets of ⌈words / 100⌉; the window holds the active half's
/// worth of sets and moves forward, circularly, by the prefetch half's worth each time a demanded entry lies
/// outside it. A demand behind the window therefore costs a whole lap.</item>
/// <item>The first active half is fetched before cycle 0 and costs no time; every later step fetches
/// ⌈prefetch words / bandwidth⌉ full lines of <c>bandwidth</c> words.</item>
/// <item>Step j completes at cycle j · (⌈prefetch words / bandwidth⌉ + 1) − 1, whenever it was asked for; a
/// demand line waits until its last step has completed.</item>
/// </list>
/// </summary>
internal sealed class ReadBufferWindow
{
    private readonly long _wordsPerStep;
    private readonly long _initialReads;
    private long _start;

    public ReadBufferWindow(long words, long bandwidth, IFetchOrder order)
    {
        long active = (words + 1) / 2, prefetch = words - active;
        SetSize = CeilDiv(words, 100);
        Sets = (order.ValidCount / SetSize) + 1;
        WindowSets = Math.Min(Sets, CeilDiv(active, SetSize));
        StepSets = Math.Min(Sets - WindowSets, CeilDiv(prefetch, SetSize));
        long linesPerStep = CeilDiv(prefetch, bandwidth);
        _wordsPerStep = linesPerStep * bandwidth;
        CyclesPerStep = linesPerStep + 1;
        _initialReads = Math.Min(CeilDiv(active, bandwidth), CeilDiv(order.EntryCount, bandwidth)) * bandwidth;
    }

    /// <summary>Valid entries per set.</summary>
    public long SetSize { get; }

    /// <summary>Sets in the operand: ⌊valid entries / set size⌋ + 1, the last possibly partial or empty.</summary>
    public long Sets { get; }

    public long WindowSets { get; }

    public long StepSets { get; }

    public long CyclesPerStep { get; }

    /// <summary>Whether the whole operand fits in the window, so that it is fetched once and never stalls.</summary>
    public bool Fits => WindowSets == Sets;

    /// <summary>The window's first set, 0 … Sets − 1.</summary>
    public long Start => _start;

    /// <summary>Window steps taken so far.</summary>
    public long Steps { get; private set; }

    public long DramReads => _initialReads + (Steps * _wordsPerStep);

    /// <summary>The cycle at which step <paramref name="step"/> (1-based) completes.</summary>
    public long ReadyCycle(long step) => (step * CyclesPerStep) - 1;

    /// <summary>
    /// One demand line at <paramref name="cycle"/> reading the valid entries at fetch positions
    /// <paramref name="first"/> … <paramref name="last"/> (ascending). Returns the line's stall cycles.
    /// </summary>
    public long Demand(long cycle, long first, long last)
    {
        long steps = Advance(first, last);
        return steps == 0 ? 0 : Math.Max(0, ReadyCycle(Steps) - cycle - 1);
    }

    /// <summary>Moves the window as reading positions <paramref name="first"/> … <paramref name="last"/> does; returns the steps.</summary>
    public long Advance(long first, long last)
    {
        if (Fits)
        {
            return 0;
        }

        long firstSet = first / SetSize;
        long offset = OffsetOf(firstSet);
        long steps = StepsToCover(offset);
        offset -= steps * StepSets;

        // The rest of the range is contiguous and ahead of its first entry: no wrap within it.
        steps += StepsToCover(offset + (last / SetSize) - firstSet);
        Move(steps);
        return steps;
    }

    /// <summary>How far set <paramref name="set"/> lies ahead of the window's start, circularly.</summary>
    public long OffsetOf(long set) => (((set - _start) % Sets) + Sets) % Sets;

    /// <summary>Moves the window <paramref name="steps"/> steps forward.</summary>
    public void Move(long steps)
    {
        if (steps > 0)
        {
            _start = (_start + (steps * StepSets)) % Sets;
            Steps += steps;
        }
    }

    /// <summary>Window steps until a set <paramref name="offset"/> sets past the window's start lies inside it.</summary>
    public long StepsToCover(long offset) => offset < WindowSets ? 0 : CeilDiv(offset - WindowSets + 1, StepSets);

    private static long CeilDiv(long a, long b) => (a + b - 1) / b;
}
