namespace Gandse.CostModels.Maestro;

/// <summary>
/// What MAESTRO reports for one layer on one mapping, under Gandse's metric names: runtime (cycles), its
/// activity-count energy (nJ), area and power (MAESTRO's units), the L1 (per PE) and L2 bytes the mapping needs,
/// the MACs it counts and its throughput (MACs per cycle). <see cref="Problem"/> says why the mapping is not valid:
/// MAESTRO refuses it, or it needs more L1 or L2 than the limits allow.
/// </summary>
public sealed record MaestroMetrics(
    long RuntimeCycles, double Energy, double Area, double Power, long L1SizeReq, long L2SizeReq, long NumMacs, string? Problem = null)
{
    /// <summary>MACs per cycle.</summary>
    public double Throughput => RuntimeCycles > 0 ? (double)NumMacs / RuntimeCycles : 0;

    /// <summary>Whether MAESTRO accepts the mapping and it fits the L1 and L2 limits.</summary>
    public bool Valid => Problem is null;

    /// <summary>A refused mapping: no figures.</summary>
    public static MaestroMetrics Refused(string problem) => new(0, 0, 0, 0, 0, 0, 0, problem);
}
