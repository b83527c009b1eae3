namespace Gandse.Workloads.Networks;

/// <summary>
/// EfficientNet-B0 at 224 × 224 (Tan and Le, ICML 2019, Table 1): MBConv blocks of expansion, depthwise 3 × 3 or
/// 5 × 5, squeeze-and-excitation (two fully connected layers on the pooled channels, reduced to a quarter of the
/// block's input channels) and projection.
/// </summary>
public static class EfficientNetB0
{
    /// <summary>EfficientNet-B0 at 224 x 224.</summary>
    public static Network Build()
    {
        var net = new NetworkBuilder(224, 224, 3).Conv("conv_stem", 3, 32, stride: 2);
        (long Expansion, long Kernel, long Channels, int Repeats, long Stride)[] stages =
        {
            (1, 3, 16, 1, 1), (6, 3, 24, 2, 2), (6, 5, 40, 2, 2), (6, 3, 80, 3, 2), (6, 5, 112, 3, 1), (6, 5, 192, 4, 2), (6, 3, 320, 1, 1),
        };
        int index = 0;
        foreach ((long expansion, long kernel, long channels, int repeats, long stride) in stages)
        {
            for (int r = 0; r < repeats; r++, index++)
            {
                long input = net.Channels, expanded = input * expansion, squeezed = Math.Max(1, input / 4);
                if (expansion != 1)
                {
                    net.Conv($"block{index}.expand", 1, expanded);
                }

                net.Depthwise($"block{index}.depthwise", kernel, r == 0 ? stride : 1)
                    .Matmul($"block{index}.se_reduce", new Gemm(1, squeezed, expanded))
                    .Matmul($"block{index}.se_expand", new Gemm(1, expanded, squeezed))
                    .Conv($"block{index}.project", 1, channels);
            }
        }

        return net.Conv("conv_head", 1, 1280).FullyConnected("classifier", 1000).Build("efficientnet-b0");
    }
}
