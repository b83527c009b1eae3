namespace Gandse.Bench;

/// <summary>What <see cref="MaestroSimulatorBenchmark"/> measured.</summary>
public sealed record MaestroSimulatorBenchmarkResult(
    long BatchedEvaluations,
    double BatchedSeconds,
    long ScalarEvaluations,
    double ScalarSeconds,
    int ScalarDisagreements,
    int OptimumSpaceSize,
    IReadOnlyList<double> OptimumMilliseconds,
    int Threads)
{
    /// <summary>Batched design × layer evaluations per second.</summary>
    public double BatchedPerSecond => BatchedEvaluations / BatchedSeconds;

    /// <summary>Scalar reference evaluations per second.</summary>
    public double ScalarPerSecond => ScalarEvaluations / ScalarSeconds;

    /// <summary>Batched over scalar throughput.</summary>
    public double Speedup => BatchedPerSecond / ScalarPerSecond;

    /// <summary>Whether the two implementations gave the same runtime, MACs and buffer needs on every timed scalar pair.</summary>
    public bool Agree => ScalarDisagreements == 0;

    /// <summary>Median time of one exact optimum over the AIrchitect-v2 space.</summary>
    public double OptimumMedianMilliseconds => OptimumMilliseconds.Order().ElementAt(OptimumMilliseconds.Count / 2);

    /// <summary>The slowest exact optimum.</summary>
    public double OptimumMaxMilliseconds => OptimumMilliseconds.Max();
}
