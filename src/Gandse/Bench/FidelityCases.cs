using Gandse.CostModels.Systolic;
using Gandse.Workloads;

namespace Gandse.Bench;

/// <summary>
/// Draws fidelity cases: groups of designs on one real layer at one bandwidth. Arrays 4 × 4 to 256 × 256 (rows and
/// columns drawn apart, so most are not square), SRAM 1 KB to 2 MB per buffer, bandwidth 1 to 64 words a cycle, all
/// three dataflows. A design is kept only if Gandse's model says the real simulator will run it in reasonable time:
/// at most <see cref="MaxCycles"/> cycles, <see cref="MaxDramWords"/> DRAM words and <see cref="MaxSteps"/> window
/// steps per read buffer (SCALE-Sim's Python loop takes seconds per hundred thousand cycles, and it copies its whole
/// DRAM trace at every prefetch step).
/// </summary>
public static class FidelityCases
{
    /// <summary>The most cycles, by Gandse's model, a drawn case may take in SCALE-Sim.</summary>
    public const long MaxCycles = 300_000;
    /// <summary>The most DRAM words a drawn case may move.</summary>
    public const long MaxDramWords = 8_000_000;
    /// <summary>The most window steps per read buffer a drawn case may take.</summary>
    public const long MaxSteps = 3_000;

    private static readonly long[] Lanes = { 4, 8, 16, 32, 64, 128, 256 };
    private static readonly long[] SramKb = { 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048 };
    private static readonly long[] Bandwidths = { 1, 2, 4, 8, 16, 32, 64 };

    /// <summary>Draws the fidelity cases: real layers from the built-in networks in groups, random designs for each.</summary>
    /// <param name="sources">Only layers from these sources (<see cref="RealLayers"/>: resnet50, vgg16, bert-base, …); all when null.</param>
    /// <param name="groups">How many groups of layers (each group one layer source).</param>
    /// <param name="designsPerGroup">Random designs drawn per group.</param>
    /// <param name="seed">Seeds the draw.</param>
    public static List<FidelityCase> Draw(int groups, int designsPerGroup, int seed, IReadOnlyCollection<string>? sources = null)
    {
        var random = new Random(seed);
        List<(string Source, Gemm Gemm)> pool = RealLayers.All.Where(l => sources is null || sources.Contains(l.Source)).ToList();
        if (pool.Count == 0)
        {
            throw new UsageException($"no real layers from {string.Join(", ", sources!)}; allowed: {string.Join(", ", RealLayers.All.Select(l => l.Source).Distinct())}");
        }

        var model = new SystolicReferenceModel();
        var cases = new List<FidelityCase>();
        for (int group = 0, tries = 0; group < groups && tries < groups * 20; group++, tries++)
        {
            (string source, Gemm gemm) = pool[random.Next(pool.Count)];
            long bandwidth = Bandwidths[random.Next(Bandwidths.Length)];
            var designs = new List<SystolicHardware>();
            for (int attempt = 0; attempt < 400 && designs.Count < designsPerGroup; attempt++)
            {
                var hardware = new SystolicHardware(
                    Lanes[random.Next(Lanes.Length)], Lanes[random.Next(Lanes.Length)], (Dataflow)random.Next(3),
                    SramKb[random.Next(SramKb.Length)], SramKb[random.Next(SramKb.Length)], SramKb[random.Next(SramKb.Length)]);
                if (SystolicAccounting.ComputeCycles(hardware, gemm) > MaxCycles || designs.Contains(hardware))
                {
                    continue;
                }

                SystolicMetrics metrics = model.Evaluate(hardware, gemm, bandwidth);
                long Steps(long reads, double kilobytes) => reads / Math.Max(1, (long)(kilobytes * 512));
                if (metrics.TotalCycles <= MaxCycles && metrics.DramReads + metrics.DramWrites <= MaxDramWords
                    && Steps(metrics.DramIfmapReads, hardware.IfmapSramKb) <= MaxSteps && Steps(metrics.DramFilterReads, hardware.FilterSramKb) <= MaxSteps)
                {
                    designs.Add(hardware);
                }
            }

            if (designs.Count < 2)
            {
                group--;
                continue;
            }

            cases.AddRange(designs.Select(d => new FidelityCase(group, source, gemm, d, bandwidth)));
        }

        return cases;
    }
}
