using Gandse.CostModels.Systolic;
using Gandse.Simulators.ScaleSim;
using Gandse.Workloads;

namespace Gandse.Tests.Simulators;

public class ScaleSimFilesTests
{
    [Fact]
    public void The_config_gives_every_buffer_the_user_bandwidth()
    {
        string config = ScaleSimFiles.Config(new SystolicHardware(12, 14, Dataflow.Ws, 108, 64, 2), 16);

        Assert.Contains("ArrayHeight: 12\nArrayWidth: 14\n", config);
        Assert.Contains("IfmapSramSzkB: 108\nFilterSramSzkB: 64\nOfmapSramSzkB: 2\n", config);
        Assert.Contains("Bandwidth : 16\n", config);
        Assert.Contains("Dataflow : ws\n", config);
        Assert.Contains("InterfaceBandwidth: USER", config);
    }

    [Fact]
    public void A_gemm_topology_is_scale_sims_mnk_form()
    {
        Assert.Equal("Layer, M, N, K,\ngandse, 33, 20, 17,\n", ScaleSimFiles.Topology(new Gemm(33, 20, 17)));
    }

    [Fact]
    public void A_conv_topology_gives_the_padded_input_trimmed_to_what_its_windows_read()
    {
        // 224 + 2·3 − 7 = 223 is odd: out = 112, and (112 − 1) · 2 + 7 = 229 rows are read, not 230.
        string topology = ScaleSimFiles.Topology(new ConvLayer(224, 224, 3, 7, 7, 64, stride: 2, padding: 3));

        Assert.EndsWith("gandse, 229, 229, 7, 7, 3, 64, 2,\n", topology);
    }

    [Fact]
    public void Scale_sim_takes_whole_kilobytes()
    {
        var error = Assert.Throws<UsageException>(() => ScaleSimFiles.Config(new SystolicHardware(8, 8, Dataflow.Os, 1.5, 64, 64), 10));

        Assert.Contains("whole KB", error.Message);
    }
}
