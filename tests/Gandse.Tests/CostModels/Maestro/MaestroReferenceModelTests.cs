using Gandse.CostModels.Maestro;

namespace Gandse.Tests.CostModels.Maestro;

/// <summary>The reference MAESTRO model on cases whose figures the real MAESTRO printed (commands in the comments).</summary>
public sealed class MaestroReferenceModelTests
{
    private static MaestroMetrics Evaluate(string template, MaestroLayer layer, int kTile, int cTile, int cluster, MaestroHardware hardware) =>
        MaestroReferenceModel.Evaluate(
            layer, DataflowTemplates.Get(template).Instantiate(new Dictionary<string, int> { ["KTileSz"] = kTile, ["CTileSz"] = cTile, ["ClusterSz"] = cluster }, layer), hardware);

    [Fact]
    public void A_dla_layer_has_the_figures_maestro_printed()
    {
        // maestro --Mapping_file=<dla: K 64, C 32, Y 16, X 16, R 3, S 3; KTileSz 4, ClusterSz 8> --num_pes=8 with the ConfuciuX flags.
        MaestroMetrics m = Evaluate("dla", new MaestroLayer(MaestroLayerType.Conv, 64, 32, 16, 16, 3, 3), 4, 1, 8, new MaestroHardware(8));

        Assert.True(m.Valid);
        Assert.Equal(464_129, m.RuntimeCycles);
        Assert.Equal(3_612_672, m.NumMacs);
        Assert.Equal(162, m.L1SizeReq);
        Assert.Equal(728, m.L2SizeReq);
        Assert.Equal(1875.7, m.Energy, 1);
        Assert.Equal(1.21908e12, m.Area, 1.21908e12 * 1e-5);
        Assert.Equal(9.58079e6, m.Power, 9.58079e6 * 1e-5);
    }

    [Fact]
    public void A_dataset_row_of_airchitect_v2_has_its_labelled_runtime()
    {
        // conv_dataset_100k.csv row 1: K 210, C 212, X 256, Y 48, R 5, S 5, eye, ConfigID 765 (64 PEs, KTileSz 10), rewards 40228273.
        MaestroMetrics m = Evaluate("eye", new MaestroLayer(MaestroLayerType.Conv, 210, 212, Y: 256, X: 48, R: 5, S: 5), 10, 1, 64, new MaestroHardware(64));

        Assert.Equal(40_228_273, m.RuntimeCycles);
    }

    [Fact]
    public void A_mapping_maestro_divides_by_zero_on_is_refused_with_the_reason()
    {
        // MAESTRO exits with SIGFPE here: a stride of 2 leaves one case's sub-clusters no work.
        MaestroMetrics m = Evaluate("shi", new MaestroLayer(MaestroLayerType.Conv, 17, 2, 8, 7, 7, 7, Stride: 2), 1, 1, 4, new MaestroHardware(7));

        Assert.False(m.Valid);
        Assert.Contains("divides by their zero runtime", m.Problem);
    }

    [Fact]
    public void A_mapping_beyond_the_l1_limit_keeps_its_figures_but_is_not_valid()
    {
        MaestroMetrics m = Evaluate("dla", new MaestroLayer(MaestroLayerType.Conv, 64, 32, 16, 16, 3, 3), 4, 1, 8, new MaestroHardware(8, L1SizeLimit: 100));

        Assert.Equal(464_129, m.RuntimeCycles);
        Assert.False(m.Valid);
        Assert.Contains("needs 162 bytes of L1 per PE, more than the 100 allowed", m.Problem);
    }

    [Fact]
    public void A_template_names_the_constant_it_lacks()
    {
        var layer = new MaestroLayer(MaestroLayerType.Conv, 8, 8, 8, 8, 3, 3);

        var error = Assert.Throws<UsageException>(() => DataflowTemplates.Get("dla").Instantiate(new Dictionary<string, int> { ["KTileSz"] = 2 }, layer));

        Assert.Contains("needs constant ClusterSz", error.Message);
        Assert.Contains("unknown dataflow 'nvdla'; allowed: dla, eye, shi, dpt", Assert.Throws<UsageException>(() => DataflowTemplates.Get("nvdla")).Message);
    }
}
