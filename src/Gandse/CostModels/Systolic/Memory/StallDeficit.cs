namespace Gandse.CostModels.Systolic.Memory;

/// <summary>
/// The stall one read buffer causes, from when its window steps happen. SCALE-Sim's prefetch chain never idles:
/// step j is ready at cycle j · c − 1 whatever the demand, and a line waits for the last step it needed. Over a
/// run this makes the buffer's stall max(0, max over steps of (ready(j) − 1 − line(j))), line(j) the stall-free
/// line that needed step j: the most the chain ever falls behind the array.
/// </summary>
internal sealed class StallDeficit
{
    private readonly ReadBufferWindow _window;

    public StallDeficit(ReadBufferWindow window)
    {
        _window = window;
    }

    /// <summary>The largest lag recorded, in cycles; <see cref="long.MinValue"/> before any.</summary>
    public long MaxLag { get; private set; } = long.MinValue;

    /// <summary>The stall: the largest lag, or 0 when the chain was never behind.</summary>
    public long Stall => Math.Max(0, MaxLag);

    /// <summary>Lag of the chain at <paramref name="steps"/> steps behind stall-free line <paramref name="line"/>.</summary>
    public long LagAt(long steps, long line) => _window.ReadyCycle(steps) - 1 - line;

    /// <summary>Records that the window's latest step was needed by stall-free line <paramref name="line"/>.</summary>
    public void At(long line) => Add(LagAt(_window.Steps, line));

    public void Add(long lag) => MaxLag = Math.Max(MaxLag, lag);
}
