using Gandse.CostModels.Systolic;
using Gandse.Workloads;

namespace Gandse.Tests.CostModels.Systolic;

/// <summary>Seeded random systolic cases shared by the model tests.</summary>
internal static class SystolicCases
{
    public sealed record Case(SystolicHardware Hardware, Gemm Gemm, long Bandwidth)
    {
        public override string ToString() =>
            $"{Gemm.Spec} on {Hardware.Rows}x{Hardware.Cols} {DataflowNames.Name(Hardware.Dataflow)} {Hardware.IfmapSramKb}/{Hardware.FilterSramKb}/{Hardware.OfmapSramKb} KB at {Bandwidth} words/cycle";
    }

    /// <summary>Arrays 1–512 (any size), SRAM 1–2048 KB, bandwidth 1–64, GEMM dims log-uniform up to <paramref name="maxDim"/>.</summary>
    public static IEnumerable<Case> Random(int seed, int count, int maxDim = 2048)
    {
        var random = new Random(seed);
        for (int i = 0; i < count; i++)
        {
            yield return new Case(
                new SystolicHardware(Dim(random, 512), Dim(random, 512), (Dataflow)random.Next(3), Size(random), Size(random), Size(random)),
                new Gemm(Dim(random, maxDim), Dim(random, maxDim), Dim(random, maxDim)),
                1L << random.Next(7));
        }
    }

    /// <summary>Cases small enough for the line-by-line emulator: at most about a million cycles.</summary>
    public static IEnumerable<Case> Emulable(int seed, int count) =>
        Random(seed, count * 20, maxDim: 600)
            .Where(c => SystolicAccounting.ComputeCycles(c.Hardware, c.Gemm) <= 1_000_000)
            .Take(count);

    public static IEnumerable<Case> Edge()
    {
        foreach (Dataflow dataflow in Enum.GetValues<Dataflow>())
        {
            yield return new Case(new SystolicHardware(1, 1, dataflow, 1, 1, 1), new Gemm(1, 1, 1), 1);
            yield return new Case(new SystolicHardware(512, 512, dataflow, 2048, 2048, 2048), new Gemm(1, 1, 1), 1);
            yield return new Case(new SystolicHardware(512, 1, dataflow, 1, 2048, 1), new Gemm(3, 1000, 7), 1);
            yield return new Case(new SystolicHardware(12, 14, dataflow, 108, 108, 108), new Gemm(3136, 64, 576), 16);
            yield return new Case(new SystolicHardware(128, 128, dataflow, 1, 1, 1), new Gemm(4096, 4096, 4096), 64);
        }
    }

    private static long Dim(Random random, int max) => (long)Math.Max(1, Math.Round(Math.Exp(random.NextDouble() * Math.Log(max))));

    private static double Size(Random random) => random.Next(5) == 0 ? 1 + random.Next(300) : 1 << random.Next(12);
}
