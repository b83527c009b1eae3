namespace Gandse.Workloads.Networks;

/// <summary>VGG at 224 × 224 (Simonyan and Zisserman, ICLR 2015, Table 1): configurations A (11), B (13), D (16) and E (19).</summary>
public static class Vggs
{
    /// <summary>VGG-11 at 224 x 224.</summary>
    public static Network Vgg11() => Build("vgg11", 1, 1, 2, 2, 2);

    /// <summary>VGG-13 at 224 x 224.</summary>
    public static Network Vgg13() => Build("vgg13", 2, 2, 2, 2, 2);

    /// <summary>VGG-16 at 224 x 224.</summary>
    public static Network Vgg16() => Build("vgg16", 2, 2, 3, 3, 3);

    /// <summary>VGG-19 at 224 x 224.</summary>
    public static Network Vgg19() => Build("vgg19", 2, 2, 4, 4, 4);

    private static Network Build(string name, params int[] convsPerBlock)
    {
        var net = new NetworkBuilder(224, 224, 3);
        long[] widths = { 64, 128, 256, 512, 512 };
        for (int b = 0; b < widths.Length; b++)
        {
            for (int i = 0; i < convsPerBlock[b]; i++)
            {
                net.Conv($"conv{b + 1}_{i + 1}", 3, widths[b]);
            }

            net.Pool(2, 2);
        }

        return net.FullyConnected("fc6", 4096, flatten: true).FullyConnected("fc7", 4096).FullyConnected("fc8", 1000).Build(name);
    }
}
