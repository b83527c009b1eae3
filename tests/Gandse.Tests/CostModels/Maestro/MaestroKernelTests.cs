using Gandse.Bench;
using Gandse.CostModels.Maestro;
using Gandse.CostModels.Maestro.Analysis;
using Gandse.CostModels.Maestro.Kernel;
using Gandse.Simulators.Maestro;

namespace Gandse.Tests.CostModels.Maestro;

/// <summary>The fast kernel against the reference model: the same figures, or the same refusal, on every drawn case.</summary>
public sealed class MaestroKernelTests
{
    public static IEnumerable<object[]> Seeds => new[] { new object[] { 1 }, new object[] { 2 }, new object[] { 3 } };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_kernel_equals_the_reference_on_drawn_cases(int seed)
    {
        List<MaestroCase> cases = MaestroFidelityCases.Draw(300, seed);
        cases.AddRange(AirchitectLike(300, seed));
        var kernel = new MaestroKernel();
        foreach (MaestroCase c in cases)
        {
            MaestroMetrics expected = MaestroReferenceModel.Evaluate(c.Layer, c.Dataflow, c.Hardware);
            string what = $"{c.Layer} on {c.Hardware.NumPes} PEs, {string.Join(' ', c.Dataflow)}";
            KernelResult result;
            try
            {
                result = kernel.Evaluate(c.Layer, c.Dataflow, c.Hardware);
            }
            catch (MaestroAnalysisException refused)
            {
                Assert.True(expected.RuntimeCycles == 0 && !expected.Valid, $"the kernel refused ({refused.Message}) what the reference analysed: {what}");
                continue;
            }

            Assert.True(expected.RuntimeCycles == result.Runtime, $"runtime {result.Runtime}, reference {expected.RuntimeCycles}: {what}");
            Assert.True(expected.NumMacs == result.Macs, $"MACs {result.Macs}, reference {expected.NumMacs}: {what}");
            Assert.True(expected.L1SizeReq == result.L1Bytes && expected.L2SizeReq == result.L2Bytes, $"L1/L2 {result.L1Bytes}/{result.L2Bytes}, reference {expected.L1SizeReq}/{expected.L2SizeReq}: {what}");
            double energy = ((result.L2Accesses * MaestroAccelerator.L2EnergyWeight) + (result.L1Accesses * MaestroAccelerator.L1EnergyWeight)) * MaestroAccelerator.MacEnergy;
            Assert.True(Math.Abs(energy - expected.Energy) <= 1e-9 * Math.Abs(expected.Energy), $"energy {energy}, reference {expected.Energy}: {what}");
        }
    }

    /// <summary>The AIrchitect-v2 setting on layers drawn as its dataset draws them (K, C even to 512; Y, X to 256; R = S to 9).</summary>
    private static IEnumerable<MaestroCase> AirchitectLike(int count, int seed)
    {
        var random = new Random(seed + 100);
        for (int i = 0; i < count; i++)
        {
            int pes = random.Next(1, 65), r = new[] { 1, 3, 5, 7, 9 }[random.Next(5)];
            var layer = new MaestroLayer(
                MaestroLayerType.Conv, random.Next(1, 257) * 2, random.Next(1, 257) * 2, new[] { 1, 8, 16, 48, 100, 256 }[random.Next(6)],
                new[] { 1, 8, 16, 64, 112, 256 }[random.Next(6)], r, r);
            var constants = new Dictionary<string, int> { ["KTileSz"] = random.Next(1, 13), ["CTileSz"] = 1, ["ClusterSz"] = pes };
            yield return new MaestroCase(layer, DataflowTemplates.Get(new[] { "dla", "eye", "shi" }[random.Next(3)]).Instantiate(constants, layer), new MaestroHardware(pes));
        }
    }
}
