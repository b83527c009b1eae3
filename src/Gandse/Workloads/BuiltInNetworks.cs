namespace Gandse.Workloads;

/// <summary>
/// Well-known networks at 224 × 224 input, layer by layer as they run on a systolic array (pooling and
/// element-wise layers omitted). Sources: ResNet-50, He et al., CVPR 2016, in torchvision's v1.5 form (stride
/// on the 3 × 3 convolution); VGG-16, Simonyan and Zisserman, ICLR 2015, configuration D; MobileNetV2,
/// Sandler et al., CVPR 2018, Table 2 (width 1.0).
/// </summary>
public static class BuiltInNetworks
{
    public static IReadOnlyList<string> Names { get; } = new[] { "resnet50", "vgg16", "mobilenetv2" };

    public static Network Get(string name) => name.ToLowerInvariant() switch
    {
        "resnet50" => ResNet50(),
        "vgg16" => Vgg16(),
        "mobilenetv2" => MobileNetV2(),
        _ => throw new UsageException($"unknown network '{name}'; allowed: {string.Join(", ", Names)}"),
    };

    public static Network ResNet50()
    {
        var net = new NetworkBuilder(224, 224, 3).Conv("conv1", 7, 64, stride: 2).Pool(3, 2, padding: 1);
        (int Blocks, long Width, long Stride)[] stages = { (3, 64, 1), (4, 128, 2), (6, 256, 2), (3, 512, 2) };
        for (int stage = 0; stage < stages.Length; stage++)
        {
            (int blocks, long width, long stride) = stages[stage];
            for (int block = 0; block < blocks; block++)
            {
                string prefix = $"layer{stage + 1}.{block}";
                long blockStride = block == 0 ? stride : 1;
                var input = (H: net.Height, W: net.Width, C: net.Channels);
                net.Conv($"{prefix}.conv1", 1, width).Conv($"{prefix}.conv2", 3, width, blockStride).Conv($"{prefix}.conv3", 1, width * 4);
                if (block == 0)
                {
                    net.Side($"{prefix}.downsample", new ConvLayer(input.H, input.W, input.C, 1, 1, width * 4, blockStride, 0));
                }
            }
        }

        return net.FullyConnected("fc", 1000).Build("resnet50");
    }

    public static Network Vgg16()
    {
        var net = new NetworkBuilder(224, 224, 3);
        long[][] blocks = { new long[] { 64, 64 }, new long[] { 128, 128 }, new long[] { 256, 256, 256 }, new long[] { 512, 512, 512 }, new long[] { 512, 512, 512 } };
        for (int b = 0; b < blocks.Length; b++)
        {
            for (int i = 0; i < blocks[b].Length; i++)
            {
                net.Conv($"conv{b + 1}_{i + 1}", 3, blocks[b][i]);
            }

            net.Pool(2, 2);
        }

        return net.FullyConnected("fc6", 4096, flatten: true).FullyConnected("fc7", 4096).FullyConnected("fc8", 1000).Build("vgg16");
    }

    public static Network MobileNetV2()
    {
        var net = new NetworkBuilder(224, 224, 3).Conv("conv_stem", 3, 32, stride: 2);
        (long Expansion, long Channels, int Repeats, long Stride)[] settings =
        {
            (1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2), (6, 64, 4, 2), (6, 96, 3, 1), (6, 160, 3, 2), (6, 320, 1, 1),
        };
        int index = 0;
        foreach ((long expansion, long channels, int repeats, long stride) in settings)
        {
            for (int r = 0; r < repeats; r++, index++)
            {
                if (expansion != 1)
                {
                    net.Conv($"block{index}.expand", 1, net.Channels * expansion);
                }

                net.Depthwise($"block{index}.depthwise", 3, r == 0 ? stride : 1).Conv($"block{index}.project", 1, channels);
            }
        }

        return net.Conv("conv_head", 1, 1280).FullyConnected("classifier", 1000).Build("mobilenetv2");
    }
}
