namespace Gandse.Bench;

/// <summary>What <see cref="SimulatorBenchmark"/> measured.</summary>
public sealed record SimulatorBenchmarkResult(
    long BatchedEvaluations,
    double BatchedSeconds,
    double BatchedWarmSeconds,
    long BoundEvaluations,
    double BoundSeconds,
    long ScalarEvaluations,
    double ScalarSeconds,
    bool Agree,
    long OptimumSpaceSize,
    IReadOnlyList<double> FixedQueryMilliseconds,
    IReadOnlyList<double> RandomQueryMilliseconds,
    int TorchThreads)
{
    /// <summary>Batched evaluations per second by a fresh model (every operand walk done anew).</summary>
    public double BatchedPerSecond => BatchedEvaluations / BatchedSeconds;

    /// <summary>Batched evaluations per second of pairs the model has seen (its operand walks remembered).</summary>
    public double BatchedWarmPerSecond => BatchedEvaluations / BatchedWarmSeconds;

    /// <summary>
    /// Closed-form lower bounds per second (<c>SystolicCostModel.EvaluateBounds</c>, pure tensor code): what the
    /// exact optimum and bounded verification use to settle most designs without a walk.
    /// </summary>
    public double BoundPerSecond => BoundEvaluations / BoundSeconds;

    /// <summary>Scalar reference evaluations per second.</summary>
    public double ScalarPerSecond => ScalarEvaluations / ScalarSeconds;

    /// <summary>Batched over scalar throughput.</summary>
    public double Speedup => BatchedPerSecond / ScalarPerSecond;

    /// <summary>Median time of the fixed query (1024³, 4,096 MACs, 1 MB SRAM, the default bandwidth).</summary>
    public double FixedQueryMedianMilliseconds => Median(FixedQueryMilliseconds);

    /// <summary>Median time over the queries drawn like the training data.</summary>
    public double RandomQueryMedianMilliseconds => Median(RandomQueryMilliseconds);

    /// <summary>The slowest drawn optimum query, in milliseconds.</summary>
    public double RandomQueryMaxMilliseconds => RandomQueryMilliseconds.Max();

    /// <summary>Designs covered per second by the median drawn query (the whole space, most of it settled by bounds).</summary>
    public double OptimumDesignsPerSecond => OptimumSpaceSize / (RandomQueryMedianMilliseconds / 1000.0);

    private static double Median(IReadOnlyList<double> values) => values.Order().ElementAt(values.Count / 2);
}
