namespace Gandse.Workloads;

/// <summary>
/// Random CNN-like networks for training the network task: a stem convolution, then a random mix of 3 × 3
/// and 1 × 1 convolutions, channel expansions and projections and depthwise convolutions, with downsampling
/// while the feature map is large, and a classifier. Layer shapes cover those of ResNet, VGG and MobileNet;
/// <see cref="DrawTransformer"/> draws the transformer kind.
/// </summary>
public static class SyntheticNetworks
{
    /// <summary>A random network of <paramref name="minLayers"/> to <paramref name="maxLayers"/> layers, for training data.</summary>
    public static Network Draw(Random random, int minLayers, int maxLayers, string name)
    {
        long[] resolutions = { 32, 64, 112, 160, 224 };
        long resolution = resolutions[random.Next(resolutions.Length)];
        var net = new NetworkBuilder(resolution, resolution, 3);
        long stem = new long[] { 16, 32, 64 }[random.Next(3)];
        net.Conv("stem", resolution >= 160 ? 7 : 3, stem, stride: resolution >= 112 ? 2 : 1);
        int layers = random.Next(minLayers, maxLayers + 1);
        for (int i = 1; i < layers - 1; i++)
        {
            bool canShrink = net.Height >= 8;
            long stride = canShrink && random.NextDouble() < 0.15 ? 2 : 1;
            switch (random.Next(5))
            {
                case 0:
                case 1:
                    net.Conv($"conv{i}", 3, Channels(net.Channels * (stride == 2 ? 2 : 1)), stride);
                    break;
                case 2:
                    net.Conv($"expand{i}", 1, Channels(net.Channels * new long[] { 2, 4, 6 }[random.Next(3)]));
                    break;
                case 3:
                    net.Conv($"project{i}", 1, Channels(net.Channels / new long[] { 2, 4 }[random.Next(2)]));
                    break;
                default:
                    net.Depthwise($"depthwise{i}", 3, stride);
                    break;
            }
        }

        return net.FullyConnected("classifier", new long[] { 10, 100, 1000 }[random.Next(3)]).Build(name);
    }

    /// <summary>
    /// A random transformer as its GEMM stack (<see cref="Networks.Transformers.Blocks"/>): width 256 to 1,280,
    /// sequence 16 to 1,024, 2 to 24 blocks, fused or separate Q, K, V, and an optional head.
    /// </summary>
    public static Network DrawTransformer(Random random, string name)
    {
        long hidden = new long[] { 256, 384, 512, 768, 1024, 1280 }[random.Next(6)];
        long sequence = new long[] { 16, 64, 128, 197, 256, 512, 1024 }[random.Next(7)];
        var net = Networks.Transformers.Blocks(new NetworkBuilder(1, 1, 1), sequence, hidden, random.Next(2, 25), fusedQkv: random.Next(2) == 0);
        long head = new long[] { 0, 0, 1000, 30522, 50257 }[random.Next(5)];
        return (head == 0 ? net : net.Matmul("head", new Gemm(1, head, hidden))).Build(name);
    }

    private static long Channels(long channels) => Math.Clamp(channels, 8, 2048);
}
