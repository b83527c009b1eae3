namespace Gandse.CostModels.Maestro;

/// <summary>
/// What MAESTRO is told about the hardware beyond the dataflow: PEs, SIMD lanes per PE, the NoC's bandwidth
/// (elements per cycle), hops and latency per hop, the off-chip bandwidth, and the L1 and L2 size limits (bytes),
/// which only decide validity: MAESTRO reports what a mapping needs, whatever the limit.
/// </summary>
public sealed record MaestroHardware(
    int NumPes,
    int SimdLanes = 1,
    long NocBandwidth = 81_920_000,
    int NocHops = 1,
    int NocHopLatency = 1,
    long OffchipBandwidth = 70_000,
    long L1SizeLimit = 819_200_000,
    long L2SizeLimit = 819_200_000)
{
    /// <summary>The cycles of one NoC transfer before its first element arrives: hops × latency per hop.</summary>
    public long NocLatency => (long)NocHops * NocHopLatency;
}
