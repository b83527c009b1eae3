namespace Gandse.Workloads;

/// <summary>
/// Random CNN-like networks for training the network task: a stem convolution, then a random mix of 3 × 3
/// and 1 × 1 convolutions, channel expansions and projections and depthwise convolutions, with downsampling
/// while the feature map is large, and a classifier. Layer shapes cover those of ResNet, VGG and MobileNet.
/// </summary>
public static class SyntheticNetworks
{
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

    private static long Channels(long channels) => Math.Clamp(channels, 8, 2048);
}
