namespace Gandse.Workloads.Networks;

/// <summary>
/// MobileNets at 224 × 224, width 1.0: V1 (Howard et al., 2017, Table 1; the last depthwise layer at stride 1, as
/// implemented) and V2 (Sandler et al., CVPR 2018, Table 2).
/// </summary>
public static class MobileNets
{
    /// <summary>MobileNet v1 at 224 x 224.</summary>
    public static Network MobileNetV1()
    {
        var net = new NetworkBuilder(224, 224, 3).Conv("conv_stem", 3, 32, stride: 2);
        (long Channels, long Stride)[] layers =
        {
            (64, 1), (128, 2), (128, 1), (256, 2), (256, 1), (512, 2), (512, 1), (512, 1), (512, 1), (512, 1), (512, 1), (1024, 2), (1024, 1),
        };
        for (int i = 0; i < layers.Length; i++)
        {
            net.Depthwise($"block{i}.depthwise", 3, layers[i].Stride).Conv($"block{i}.pointwise", 1, layers[i].Channels);
        }

        return net.FullyConnected("classifier", 1000).Build("mobilenetv1");
    }

    /// <summary>MobileNet v2 at 224 x 224.</summary>
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
