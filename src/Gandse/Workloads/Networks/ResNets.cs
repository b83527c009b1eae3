namespace Gandse.Workloads.Networks;

/// <summary>
/// ResNets at 224 × 224 (He et al., CVPR 2016, Table 1) in torchvision's form: basic blocks for 18 and 34 layers,
/// bottlenecks for 50, 101 and 152 with the stride on the 3 × 3 convolution (v1.5); a 1 × 1 projection shortcut
/// where a block changes the shape.
/// </summary>
public static class ResNets
{
    /// <summary>ResNet-18 at 224 x 224.</summary>
    public static Network ResNet18() => Basic("resnet18", 2, 2, 2, 2);

    /// <summary>ResNet-34 at 224 x 224.</summary>
    public static Network ResNet34() => Basic("resnet34", 3, 4, 6, 3);

    /// <summary>ResNet-50 at 224 x 224.</summary>
    public static Network ResNet50() => Bottleneck("resnet50", 3, 4, 6, 3);

    /// <summary>ResNet-101 at 224 x 224.</summary>
    public static Network ResNet101() => Bottleneck("resnet101", 3, 4, 23, 3);

    /// <summary>ResNet-152 at 224 x 224.</summary>
    public static Network ResNet152() => Bottleneck("resnet152", 3, 8, 36, 3);

    private static Network Basic(string name, params int[] blocks) => Build(name, blocks, expansion: 1, (net, prefix, width, stride) =>
        net.Conv($"{prefix}.conv1", 3, width, stride).Conv($"{prefix}.conv2", 3, width));

    private static Network Bottleneck(string name, params int[] blocks) => Build(name, blocks, expansion: 4, (net, prefix, width, stride) =>
        net.Conv($"{prefix}.conv1", 1, width).Conv($"{prefix}.conv2", 3, width, stride).Conv($"{prefix}.conv3", 1, width * 4));

    private static Network Build(string name, int[] blocks, long expansion, Action<NetworkBuilder, string, long, long> block)
    {
        var net = new NetworkBuilder(224, 224, 3).Conv("conv1", 7, 64, stride: 2).Pool(3, 2, padding: 1);
        long[] widths = { 64, 128, 256, 512 };
        for (int stage = 0; stage < blocks.Length; stage++)
        {
            for (int b = 0; b < blocks[stage]; b++)
            {
                string prefix = $"layer{stage + 1}.{b}";
                long stride = b == 0 && stage > 0 ? 2 : 1;
                var input = (H: net.Height, W: net.Width, C: net.Channels);
                block(net, prefix, widths[stage], stride);
                if (stride != 1 || input.C != widths[stage] * expansion)
                {
                    net.Side($"{prefix}.downsample", new ConvLayer(input.H, input.W, input.C, 1, 1, widths[stage] * expansion, stride, 0));
                }
            }
        }

        return net.FullyConnected("fc", 1000).Build(name);
    }
}
