using Gandse.CostModels.Maestro;
using Gandse.Simulators.Maestro;

namespace Gandse.Bench;

/// <summary>
/// Draws cases to hold the MAESTRO models to the real MAESTRO: the three ConfuciuX templates on convolutions with
/// dimensions of 1, odd and even sizes and strides 1 to 3; 1 to 256 PEs (powers of two and not); KTileSz and
/// CTileSz 1 to 12, ClusterSz a divisor-like fraction of the PEs or all of them; and, for a third of the cases each,
/// a constrained NoC (1 to 64 elements a cycle, 1 to 3 hops of 0 to 2 cycles), a constrained off-chip bandwidth
/// and small L1 and L2 limits. The rest run in the ConfuciuX setting.
/// </summary>
public static class MaestroFidelityCases
{
    private static readonly int[] Channels = { 1, 2, 3, 7, 8, 16, 17, 32, 64, 100, 128 };
    private static readonly int[] Spatial = { 1, 2, 3, 7, 8, 13, 16, 28, 31, 56 };
    private static readonly int[] Filters = { 1, 1, 3, 3, 5, 7 };
    private static readonly int[] Pes = { 1, 2, 3, 4, 7, 8, 12, 16, 31, 32, 48, 64, 100, 128, 200, 256 };
    private static readonly string[] Templates = { "dla", "eye", "shi" };

    /// <summary><paramref name="count"/> cases drawn from <paramref name="seed"/>.</summary>
    public static List<MaestroCase> Draw(int count, int seed)
    {
        var random = new Random(seed);
        int Pick(int[] values) => values[random.Next(values.Length)];
        var cases = new List<MaestroCase>(count);
        for (int i = 0; i < count; i++)
        {
            int r = Pick(Filters), s = random.NextDouble() < 0.8 ? r : Pick(Filters);
            int y = Math.Max(r, Pick(Spatial)), x = Math.Max(s, Pick(Spatial));
            var layer = new MaestroLayer(MaestroLayerType.Conv, Pick(Channels), Pick(Channels), y, x, r, s, random.NextDouble() < 0.2 ? random.Next(2, 4) : 1);
            int pes = Pick(Pes);
            int cluster = new[] { 1, 2, 4, pes, Math.Max(1, pes / 2), Math.Max(1, pes / 4) }[random.Next(6)];
            var constants = new Dictionary<string, int> { ["KTileSz"] = random.Next(1, 13), ["CTileSz"] = random.Next(1, 13), ["ClusterSz"] = cluster };
            var hardware = new MaestroHardware(pes);
            double kind = random.NextDouble();
            if (kind < 1.0 / 3)
            {
                hardware = hardware with { NocBandwidth = new[] { 1, 2, 4, 16, 64 }[random.Next(5)], NocHops = random.Next(1, 4), NocHopLatency = random.Next(0, 3) };
            }
            else if (kind < 2.0 / 3)
            {
                hardware = hardware with { OffchipBandwidth = new[] { 1, 4, 64, 1000 }[random.Next(4)], L1SizeLimit = new[] { 64, 512, 4096 }[random.Next(3)], L2SizeLimit = new[] { 1024, 65536 }[random.Next(2)] };
            }

            string template = Templates[random.Next(Templates.Length)];
            cases.Add(new MaestroCase(layer, DataflowTemplates.Get(template).Instantiate(constants, layer), hardware));
        }

        return cases;
    }
}
