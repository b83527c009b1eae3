namespace Gandse.CostModels.Systolic.Memory;

/// <summary>
/// Bounds the work of one operand's walk. Within it a walk is exact; a run with more folds (tiny arrays on large
/// layers: a 1 × 1 array has M·N folds) is walked for its first <see cref="Units"/> demand ranges and extrapolated
/// at the rate seen, so no evaluation takes more than a fraction of a millisecond.
/// </summary>
internal sealed class WalkBudget
{
    /// <summary>Demand ranges (a fold, or a tile's lap) walked exactly per operand.</summary>
    public const long Units = 1L << 13;

    private long _left = Units;

    public bool Exhausted => _left <= 0;

    public void Spend() => _left--;

    /// <summary>
    /// Finishes a walk cut short after <paramref name="walkedFolds"/> of <paramref name="totalFolds"/> folds: the rest
    /// take steps at the walked rate, but never fewer than it takes to go round the operand once per pass, and the
    /// lag is taken again where the last fold's reads end.
    /// </summary>
    public static void Extrapolate(ReadBufferWindow window, StallDeficit deficit, long walkedFolds, long totalFolds, long passes, long linesPerFold, long readLines)
    {
        if (walkedFolds <= 0 || walkedFolds >= totalFolds)
        {
            return;
        }

        double rate = (double)window.Steps / walkedFolds;
        long steps = Math.Max((long)Math.Round(rate * totalFolds), LeastSteps(window, passes));
        window.Move(steps - window.Steps);
        deficit.At(((totalFolds - 1) * linesPerFold) + readLines);
    }

    /// <summary>Steps to reach the operand's last set once per pass: what every walk takes at least.</summary>
    public static long LeastSteps(ReadBufferWindow window, long passes) =>
        window.Fits ? 0 : ((passes * window.Sets) - window.WindowSets + window.StepSets - 1) / window.StepSets;
}
