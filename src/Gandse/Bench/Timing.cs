using System.Diagnostics;

namespace Gandse.Bench;

/// <summary>Wall-time helpers shared by the benchmarks.</summary>
public static class Timing
{
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
