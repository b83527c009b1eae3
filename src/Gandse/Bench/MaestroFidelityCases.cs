using Gandse.CostModels.Maestro;
using Gandse.Simulators;
using Gandse.Simulators.Maestro;
using Gandse.Workloads;
using C = Gandse.CostModels.Maestro.MaestroConditions;
using P = Gandse.CostModels.Maestro.MaestroParameterNames;

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

    /// <summary><paramref name="count"/> cases drawn from <paramref name="seed"/>, as MAESTRO runs them.</summary>
    public static List<MaestroCase> Draw(int count, int seed) => DrawRows(count, seed).Select(MaestroSpaceSimulator.Case).ToList();

    /// <summary>The same cases as rows of the maestro space (design, layer, environment), as the batched model reads them.</summary>
    public static List<SimulatedRow> DrawRows(int count, int seed)
    {
        var random = new Random(seed);
        int Pick(int[] values) => values[random.Next(values.Length)];
        var rows = new List<SimulatedRow>(count);
        for (int i = 0; i < count; i++)
        {
            int r = Pick(Filters), s = random.NextDouble() < 0.8 ? r : Pick(Filters);
            int y = Math.Max(r, Pick(Spatial)), x = Math.Max(s, Pick(Spatial));
            int k = Pick(Channels), c = Pick(Channels);
            var layer = new ConvShape(k, c, y, x, r, s, random.NextDouble() < 0.2 ? random.Next(2, 4) : 1);
            int pes = Pick(Pes);
            int cluster = new[] { 1, 2, 4, pes, Math.Max(1, pes / 2), Math.Max(1, pes / 4) }[random.Next(6)];
            var design = new Dictionary<string, double>
            {
                [P.NumPe] = pes, [P.KTileSz] = random.Next(1, 13), [P.CTileSz] = random.Next(1, 13), [P.ClusterSz] = cluster,
            };
            var environment = new Dictionary<string, double>();
            double kind = random.NextDouble();
            if (kind < 1.0 / 3)
            {
                environment[C.NocBandwidth] = new[] { 1, 2, 4, 16, 64 }[random.Next(5)];
                environment[C.NocHops] = random.Next(1, 4);
                environment[C.NocHopLatency] = random.Next(0, 3);
            }
            else if (kind < 2.0 / 3)
            {
                environment[C.OffchipBandwidth] = new[] { 1, 4, 64, 1000 }[random.Next(4)];
                environment[C.L1SizeLimit] = new[] { 64, 512, 4096 }[random.Next(3)];
                environment[C.L2SizeLimit] = new[] { 1024, 65536 }[random.Next(2)];
            }

            design[P.Dataflow] = MaestroSpace.Templates.ToList().IndexOf(Templates[random.Next(Templates.Length)]);
            rows.Add(new SimulatedRow(design, new DataflowLayer(layer), environment));
        }

        return rows;
    }
}
