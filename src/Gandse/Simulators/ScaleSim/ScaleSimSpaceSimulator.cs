using Gandse.CostModels.Systolic;
using Gandse.Workloads;

namespace Gandse.Simulators.ScaleSim;

/// <summary>SCALE-Sim v2 as the systolic space's simulator: one GEMM or conv layer per row, at the row's DRAM bandwidth.</summary>
public sealed class ScaleSimSpaceSimulator : ISpaceSimulator
{
    private readonly SimulatorRunner<ScaleSimCase> _runner;

    /// <summary>Runs cases through <paramref name="runner"/>.</summary>
    public ScaleSimSpaceSimulator(SimulatorRunner<ScaleSimCase> runner) => _runner = runner;

    /// <inheritdoc/>
    public string Name => "scalesim";

    /// <inheritdoc/>
    public string Title => "SCALE-Sim v2";

    /// <inheritdoc/>
    public int Runs => _runner.Runs;

    /// <inheritdoc/>
    public int CacheHits => _runner.CacheHits;

    /// <inheritdoc/>
    public IReadOnlyList<IReadOnlyDictionary<string, double>> Evaluate(IReadOnlyList<SimulatedRow> rows, Action<int, int>? progress = null) =>
        _runner.Run(rows.Select(r => new ScaleSimCase(
            SystolicHardware.FromValues(r.Design),
            r.Workload is Gemm or ConvLayer ? r.Workload : throw new UsageException($"--simulator scalesim evaluates one GEMM or conv layer, not {r.Workload.Spec}"),
            (long)r.Environment[SystolicConditions.DramBandwidth])).ToList(), progress);
}
