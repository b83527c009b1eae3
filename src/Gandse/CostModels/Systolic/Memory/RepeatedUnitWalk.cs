namespace Gandse.CostModels.Systolic.Memory;

/// <summary>
/// Walks a unit of demand that repeats identically (a pass over all folds, or one fold read again), skipping the
/// repetitions once the window's position at a unit's start recurs: from then on the units repeat the steps of
/// the cycle found, so the rest of the run follows exactly, including when each step is needed.
/// </summary>
internal static class RepeatedUnitWalk
{
    /// <param name="window">The operand's window.</param>
    /// <param name="deficit">Where stall lags are recorded.</param>
    /// <param name="units">How many times the unit runs.</param>
    /// <param name="linesPerUnit">Stall-free lines one unit takes.</param>
    /// <param name="firstLine">The line at which the first unit starts.</param>
    /// <param name="budget">Stops the walk when spent (the units walked are returned).</param>
    /// <param name="walkUnit">Walks one unit starting at the given line, recording its lags.</param>
    /// <returns>The units accounted for: all of them, unless the budget ran out first.</returns>
    public static long Run(ReadBufferWindow window, StallDeficit deficit, long units, long linesPerUnit, long firstLine, WalkBudget budget, Action<long, StallDeficit> walkUnit)
    {
        var seen = new Dictionary<long, int>();
        var startSteps = new List<long>();

        // Each unit's largest lag relative to its own start (steps at its start, its first line), or MinValue.
        var relativeLags = new List<long>();
        for (long unit = 0; unit < units; unit++)
        {
            if (window.Fits)
            {
                return units;
            }

            if (budget.Exhausted)
            {
                return unit;
            }

            long line = firstLine + (unit * linesPerUnit);
            if (seen.TryGetValue(window.Start, out int cycleStart))
            {
                Extrapolate(window, deficit, units - unit, linesPerUnit, line, startSteps, relativeLags, cycleStart);
                return units;
            }

            seen[window.Start] = (int)unit;
            startSteps.Add(window.Steps);
            var own = new StallDeficit(window);
            walkUnit(line, own);
            relativeLags.Add(own.MaxLag == long.MinValue ? long.MinValue : own.MaxLag - own.LagAt(startSteps[^1], line));
            deficit.Add(own.MaxLag);
        }

        return units;
    }

    private static void Extrapolate(
        ReadBufferWindow window, StallDeficit deficit, long remaining, long linesPerUnit, long line,
        List<long> startSteps, List<long> relativeLags, int cycleStart)
    {
        int length = startSteps.Count - cycleStart;
        long stepsPerCycle = window.Steps - startSteps[cycleStart];
        long cycles = remaining / length, rest = remaining % length;
        long baseSteps = window.Steps;

        // Unit i of extrapolated cycle c starts with baseSteps + c·stepsPerCycle + (steps before it in the
        // cycle) at line + (c·length + i)·linesPerUnit. Its lag is linear in c: the first and last cycle bound it.
        for (int i = 0; i < length; i++)
        {
            long relative = relativeLags[cycleStart + i];
            long lastCycle = i < rest ? cycles : cycles - 1;
            if (relative == long.MinValue || lastCycle < 0)
            {
                continue;
            }

            long within = startSteps[cycleStart + i] - startSteps[cycleStart];
            foreach (long c in new[] { 0L, lastCycle })
            {
                long steps = baseSteps + (c * stepsPerCycle) + within;
                deficit.Add(deficit.LagAt(steps, line + (((c * length) + i) * linesPerUnit)) + relative);
            }
        }

        long restSteps = rest == 0 ? 0 : (rest < length ? startSteps[cycleStart + (int)rest] - startSteps[cycleStart] : stepsPerCycle);
        window.Move((cycles * stepsPerCycle) + restSteps);
    }
}
