namespace Gandse.Bench;

/// <summary>What <see cref="SimulatorBenchmark"/> measured.</summary>
public sealed record SimulatorBenchmarkResult(
    long BatchedEvaluations,
    double BatchedSeconds,
    long ScalarEvaluations,
    double ScalarSeconds,
    bool Agree,
    long OptimumSpaceSize,
    IReadOnlyList<double> OptimumMilliseconds,
    int TorchThreads)
{
    public double BatchedPerSecond => BatchedEvaluations / BatchedSeconds;

    public double ScalarPerSecond => ScalarEvaluations / ScalarSeconds;

    public double Speedup => BatchedPerSecond / ScalarPerSecond;

    /// <summary>Designs evaluated per second inside the exhaustive optimum (broadcast grid, feasibility and selection included).</summary>
    public double OptimumDesignsPerSecond => OptimumSpaceSize / (OptimumMedianMilliseconds / 1000.0);

    public double OptimumMedianMilliseconds => OptimumMilliseconds.Order().ElementAt(OptimumMilliseconds.Count / 2);
}
