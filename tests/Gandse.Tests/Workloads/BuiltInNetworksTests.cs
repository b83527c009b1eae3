using Gandse.Config;
using Gandse.Tasks;
using Gandse.Workloads;
using Gandse.Tasks.Systolic;

namespace Gandse.Tests.Workloads;

public class BuiltInNetworksTests
{
    // Published multiply-accumulates at batch 1 (torchvision's model tables and the papers); transformers from
    // their layer sizes (BERT-base at sequence 128: 12 × (4·128·768² + 2·128·768·3072 + 2·128²·768) + pooler).
    [Theory]
    [InlineData("alexnet", 0.71, 0.72)]
    [InlineData("vgg11", 7.60, 7.62)]
    [InlineData("vgg13", 11.30, 11.32)]
    [InlineData("vgg16", 15.46, 15.48)]
    [InlineData("vgg19", 19.62, 19.64)]
    [InlineData("resnet18", 1.81, 1.82)]
    [InlineData("resnet34", 3.66, 3.67)]
    [InlineData("resnet50", 4.08, 4.10)]
    [InlineData("resnet101", 7.80, 7.81)]
    [InlineData("resnet152", 11.51, 11.52)]
    [InlineData("mobilenetv1", 0.568, 0.570)]
    [InlineData("mobilenetv2", 0.295, 0.305)]
    [InlineData("efficientnet-b0", 0.38, 0.40)]
    [InlineData("bert-base", 11.17, 11.18)]
    [InlineData("vit-b16", 17.5, 17.6)]
    public void A_built_in_network_has_its_published_size(string name, double minGMacs, double maxGMacs)
    {
        Assert.InRange(BuiltInNetworks.Get(name).Macs / 1e9, minGMacs, maxGMacs);
    }

    [Fact]
    public void Layers_are_lowered_as_scale_sim_lowers_them()
    {
        Network resnet50 = BuiltInNetworks.Get("resnet50");

        Assert.Equal(54, resnet50.Layers.Count);
        Assert.Equal(new Gemm(112 * 112, 64, 7 * 7 * 3), resnet50.Layers[0].Gemm);
        Assert.Equal(16, BuiltInNetworks.Get("vgg16").Layers.Count);
        Assert.Equal(new Gemm(128, 128, 64), BuiltInNetworks.Get("bert-base").Layers.Single(l => l.Name == "attention.scores").Gemm);
        Assert.Equal(144, BuiltInNetworks.Get("bert-base").Layers.Single(l => l.Name == "attention.scores").Repeats);
    }

    [Fact]
    public void Merging_equal_shapes_keeps_the_work_and_spells_the_merged_network_out()
    {
        Network resnet101 = BuiltInNetworks.Get("resnet101");

        Network merged = resnet101.MergeEqualShapes();

        Assert.Equal(105, resnet101.Layers.Count);
        Assert.Equal(merged.Layers.Count, merged.Layers.Select(l => l.Gemm).Distinct().Count());
        Assert.Equal(resnet101.Macs, merged.Macs);
        Assert.Equal("network:resnet101", resnet101.Spec);
        var parsed = (Network)WorkloadParser.Parse(merged.Spec);
        Assert.Equal(merged.Layers.Select(l => (l.Gemm, l.Repeats)), parsed.Layers.Select(l => (l.Gemm, l.Repeats)));
    }

    [Fact]
    public void The_network_task_takes_a_network_longer_than_its_slots_by_merging_equal_shapes()
    {
        var task = new SystolicNetworkTask(new DataConfig());

        var network = (Network)task.Query(BuiltInNetworks.Get("resnet152"), null, null, null, null).Workload;

        Assert.Equal(BuiltInNetworks.Get("resnet152").Macs, network.Macs);
        Assert.True(network.Layers.Count <= task.MaxLayers);
        var tooSmall = new SystolicNetworkTask(new DataConfig { MaxLayers = 10 });
        var error = Assert.Throws<UsageException>(() => tooSmall.Query(BuiltInNetworks.Get("resnet152"), null, null, null, null));
        Assert.Contains("21 distinct layer shapes", error.Message);
    }

    [Fact]
    public void An_unknown_network_names_the_allowed_ones()
    {
        var error = Assert.Throws<UsageException>(() => BuiltInNetworks.Get("resnet51"));

        Assert.Contains("'resnet51'", error.Message);
        Assert.Contains("efficientnet-b0", error.Message);
    }
}
