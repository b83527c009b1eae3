using Gandse.CostModels.Maestro;
using Gandse.Workloads;
using P = Gandse.CostModels.Maestro.MaestroParameterNames;

namespace Gandse.Simulators.Maestro;

/// <summary>
/// The real MAESTRO as the maestro space's simulator: each row's layer in MAESTRO's form, its template with the
/// row's KTileSz, CTileSz and ClusterSz (0: all PEs), and the row's NoC, off-chip and L1/L2 flags.
/// </summary>
public sealed class MaestroSpaceSimulator : ISpaceSimulator
{
    private readonly SimulatorRunner<MaestroCase> _runner;

    /// <summary>Runs cases through <paramref name="runner"/>.</summary>
    public MaestroSpaceSimulator(SimulatorRunner<MaestroCase> runner) => _runner = runner;

    /// <inheritdoc/>
    public string Name => "maestro";

    /// <inheritdoc/>
    public string Title => "MAESTRO";

    /// <inheritdoc/>
    public int Runs => _runner.Runs;

    /// <inheritdoc/>
    public int CacheHits => _runner.CacheHits;

    /// <inheritdoc/>
    public IReadOnlyList<IReadOnlyDictionary<string, double>> Evaluate(IReadOnlyList<SimulatedRow> rows, Action<int, int>? progress = null) =>
        _runner.Run(rows.Select(Case).ToList(), progress);

    /// <summary>The MAESTRO run of one row.</summary>
    public static MaestroCase Case(SimulatedRow row)
    {
        ConvShape shape = row.Workload.Conv ?? throw new UsageException($"--simulator maestro evaluates one layer, not {row.Workload.Spec}");
        var layer = new MaestroLayer(
            shape.Depthwise ? MaestroLayerType.DepthwiseConv : MaestroLayerType.Conv, (int)shape.K, (int)shape.C, (int)shape.Y, (int)shape.X, (int)shape.R, (int)shape.S, (int)shape.Stride);
        string template = MaestroSpace.Templates[(int)row.Design[P.Dataflow]];
        int pes = (int)row.Design[P.NumPe];
        double Value(string name, double fallback) => row.Design.TryGetValue(name, out double v) ? v : fallback;
        int cluster = (int)Value(P.ClusterSz, 0);
        var constants = new Dictionary<string, int>
        {
            [P.KTileSz] = (int)Value(P.KTileSz, 1), [P.CTileSz] = (int)Value(P.CTileSz, 1), [P.ClusterSz] = cluster == 0 ? pes : cluster,
        };
        MaestroHardware hardware = MaestroConditions.Hardware(pes, name => row.Environment.TryGetValue(name, out double v) ? v : null);
        return new MaestroCase(layer, DataflowTemplates.Get(template).Instantiate(constants, layer), hardware);
    }
}
