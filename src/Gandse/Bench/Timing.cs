using System.Diagnostics;

namespace Gandse.Bench;

/// <summary>Wall-time helpers shared by the benchmarks.</summary>
public static class Timing
{
    /// <summary>
    /// Runs <paramref name="work"/> until <paramref name="seconds"/> of wall time have passed (at least once), so that
    /// the runtime's tiered compiler has replaced the first, unoptimised code before anything is timed; returns the runs.
    /// </summary>
    public static int WarmUp(double seconds, Action work)
    {
        var stopwatch = Stopwatch.StartNew();
        int runs = 0;
        do
        {
            work();
            runs++;
        }
        while (stopwatch.Elapsed.TotalSeconds < seconds);
        return runs;
    }

    /// <summary>Wall seconds of one run of <paramref name="work"/>.</summary>
    public static double Seconds(Action work)
    {
        var stopwatch = Stopwatch.StartNew();
        work();
        return stopwatch.Elapsed.TotalSeconds;
    }

    /// <summary>Median wall time of <paramref name="runs"/> runs of <paramref name="work"/>, after <paramref name="warmups"/> untimed ones.</summary>
    public static double MedianSeconds(int warmups, int runs, Action work)
    {
        for (int i = 0; i < warmups; i++)
        {
            work();
        }

        var seconds = new List<double>(runs);
        for (int i = 0; i < runs; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            work();
            seconds.Add(stopwatch.Elapsed.TotalSeconds);
        }

        seconds.Sort();
        return seconds[runs / 2];
    }
}
