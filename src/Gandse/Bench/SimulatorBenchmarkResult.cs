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

    public double OptimumMedianMilliseconds => OptimumMilliseconds.Order().ElementAt(OptimumMilliseconds.Count / 2);
}
