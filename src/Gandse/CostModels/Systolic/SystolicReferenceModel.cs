using Gandse.CostModels.Systolic.Memory;
using Gandse.Workloads;

namespace Gandse.CostModels.Systolic;

/// <summary>
/// The fast systolic model written plainly, one design and one GEMM at a time: the reference the batched
/// <see cref="SystolicCostModel"/> is held to. Compute cycles, SRAM and DRAM counts are SCALE-Sim v2's exactly;
/// stalls are estimated from when each read buffer's window steps fall and from the OFMAP's drain rate
/// (<see cref="SystolicOperands"/>); <see cref="ScaleSimEmulator"/> replays the memory system exactly.
/// </summary>
public sealed class SystolicReferenceModel
{
    private readonly SystolicOptions _options;

    private static readonly Lazy<string> ProbeHash = new(() =>
    {
        // Fixed probes: arrays, buffers, bandwidths and GEMMs that exercise fits, laps, stalls and padding.
        var model = new SystolicReferenceModel();
        var random = new Random(20261201);
        var text = new System.Text.StringBuilder();
        for (int i = 0; i < 96; i++)
        {
            var hardware = new SystolicHardware(1L << random.Next(1, 9), 1L << random.Next(1, 9), (Dataflow)(i % 3), 1 << random.Next(7), 1 << random.Next(7), 1 << random.Next(7));
            var gemm = new Gemm(1 + random.Next(400), 1 + random.Next(400), 1 + random.Next(400));
            foreach ((string name, double value) in model.Evaluate(hardware, gemm, 1L << random.Next(7)).ToDictionary())
            {
                text.Append(name).Append('=').Append(value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)).Append(';');
            }
        }

        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString())))[..16].ToLowerInvariant();
    });

    /// <summary>
    /// A hash of the model's outputs on fixed probe inputs: any change to what the model computes changes it, so a
    /// dataset labelled by an older model is never served from the cache.
    /// </summary>
    public static string Fingerprint => ProbeHash.Value;

    /// <summary>The scalar reference model with <paramref name="options"/> (SCALE-Sim's defaults when null).</summary>
    public SystolicReferenceModel(SystolicOptions? options = null)
    {
        _options = options ?? SystolicOptions.Default;
    }

    /// <summary>The metrics of one layer on one design at <paramref name="dramBandwidth"/> words per cycle.</summary>
    public SystolicMetrics Evaluate(SystolicHardware hardware, Gemm gemm, double dramBandwidth)
    {
        SystolicArguments.Check(hardware, dramBandwidth);
        long bandwidth = (long)dramBandwidth, r = hardware.Rows, c = hardware.Cols;
        long computeCycles = SystolicAccounting.ComputeCycles(hardware, gemm);
        (long ifmapReads, long ifmapStall) = SystolicOperands.Ifmap(hardware.Dataflow, gemm, r, c, _options.Words(hardware.IfmapSramKb), bandwidth);
        (long filterReads, long filterStall) = SystolicOperands.Filter(hardware.Dataflow, gemm, r, c, _options.Words(hardware.FilterSramKb), bandwidth);
        (long ofmapWrites, long ofmapStall) = SystolicOperands.Ofmap(hardware.Dataflow, gemm, r, c, _options.Words(hardware.OfmapSramKb), bandwidth, computeCycles);

        // Read stalls are the most the slowest prefetch chain falls behind (they do not add up); OFMAP waits
        // overlap them too.
        long stall = Math.Max(Math.Max(ifmapStall, filterStall), ofmapStall);
        return SystolicAccounting.Metrics(hardware, gemm, computeCycles, stall, ifmapReads, filterReads, ofmapWrites);
    }
}
