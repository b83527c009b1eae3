namespace Gandse.Bench;

/// <summary>What <see cref="MaestroSimulatorBenchmark"/> measured.</summary>
public sealed record MaestroSimulatorBenchmarkResult(
    long BatchedEvaluations,
    double BatchedSeconds,
    double BatchedCpuSecondsPerCall,
    double RowSecondsPerCall,
    double OneThreadSecondsPerCall,
    double ColdBatchedSeconds,
    long ScalarEvaluations,
    double ScalarSeconds,
    int ScalarDisagreements,
    int OptimumSpaceSize,
    IReadOnlyList<double> OptimumMilliseconds,
    double ColdOptimumMilliseconds,
    int Threads)
{
    /// <summary>Batched design × layer evaluations per second, in steady state (median call after the warm-up).</summary>
    public double BatchedPerSecond => BatchedEvaluations / BatchedSeconds;

    /// <summary>
    /// Process CPU time per batched evaluation, over all threads (mean of the timed calls): the cost of one evaluation
    /// whatever the core count; a rate of <c>r</c> per second on <c>n</c> cores needs at most <c>n / r</c> seconds of it.
    /// </summary>
    public double CpuMicrosecondsPerEvaluation => BatchedCpuSecondsPerCall / BatchedEvaluations * 1e6;

    /// <summary>
    /// Time in the per-row analysis (the compiled kernel and the metrics beside it) per batched evaluation, on one thread
    /// (mean of <see cref="MaestroSimulatorBenchmark.RowTimedRuns"/> clocked calls): the part of a call that a faster
    /// kernel would cut.
    /// </summary>
    public double RowMicrosecondsPerEvaluation => RowSecondsPerCall / BatchedEvaluations * 1e6;

    /// <summary>
    /// The whole batched call per evaluation on one thread, in the same calls: beside the row analyses, reading the inputs,
    /// finding the distinct rows and writing the tensors.
    /// </summary>
    public double OneThreadMicrosecondsPerEvaluation => OneThreadSecondsPerCall / BatchedEvaluations * 1e6;

    /// <summary>The same on the process's first call, before the runtime has optimised the code.</summary>
    public double ColdBatchedPerSecond => BatchedEvaluations / ColdBatchedSeconds;

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
