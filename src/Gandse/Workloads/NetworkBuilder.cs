namespace Gandse.Workloads;

/// <summary>Builds a network layer by layer, tracking the feature map's height, width and channels.</summary>
public sealed class NetworkBuilder
{
    private readonly List<NetworkLayer> _layers = new();

    /// <summary>A builder starting from an input of <paramref name="height"/> x <paramref name="width"/> x <paramref name="channels"/>.</summary>
    public NetworkBuilder(long height, long width, long channels)
    {
        (Height, Width, Channels) = (height, width, channels);
    }

    /// <summary>The current feature map's height.</summary>
    public long Height { get; private set; }

    /// <summary>The current feature map's width.</summary>
    public long Width { get; private set; }

    /// <summary>The current feature map's channels.</summary>
    public long Channels { get; private set; }

    /// <summary>A convolution (padding keeps odd filters centred), lowered as SCALE-Sim lowers it.</summary>
    public NetworkBuilder Conv(string name, long size, long filters, long stride = 1, long? padding = null)
    {
        var conv = new ConvLayer(Height, Width, Channels, size, size, filters, stride, padding ?? (size / 2));
        _layers.Add(new NetworkLayer(name, conv.ToGemm()));
        (Height, Width, Channels) = (conv.OutputHeight, conv.OutputWidth, filters);
        return this;
    }

    /// <summary>A depthwise convolution: one (output pixels × R·S) by (R·S × 1) GEMM per channel.</summary>
    public NetworkBuilder Depthwise(string name, long size, long stride = 1)
    {
        var perChannel = new ConvLayer(Height, Width, 1, size, size, 1, stride, size / 2);
        _layers.Add(new NetworkLayer(name, perChannel.ToGemm(), Channels));
        (Height, Width) = (perChannel.OutputHeight, perChannel.OutputWidth);
        return this;
    }

    /// <summary>A pooling layer: changes the feature map, runs on no array.</summary>
    public NetworkBuilder Pool(long size, long stride, long padding = 0)
    {
        Height = ((Height + (2 * padding) - size) / stride) + 1;
        Width = ((Width + (2 * padding) - size) / stride) + 1;
        return this;
    }

    /// <summary>Global average pooling then a fully connected layer: a 1 × inputs by inputs × outputs GEMM.</summary>
    public NetworkBuilder FullyConnected(string name, long outputs, bool flatten = false)
    {
        long inputs = flatten ? Height * Width * Channels : Channels;
        _layers.Add(new NetworkLayer(name, new Gemm(1, outputs, inputs)));
        (Height, Width, Channels) = (1, 1, outputs);
        return this;
    }

    /// <summary>A matrix multiplication run <paramref name="repeats"/> times (a transformer's projections, say); the feature map is untouched.</summary>
    public NetworkBuilder Matmul(string name, Gemm gemm, long repeats = 1)
    {
        _layers.Add(new NetworkLayer(name, gemm, repeats));
        return this;
    }

    /// <summary>A layer whose input is not the running feature map (a residual shortcut, say).</summary>
    public NetworkBuilder Side(string name, ConvLayer conv)
    {
        _layers.Add(new NetworkLayer(name, conv.ToGemm()));
        return this;
    }

    /// <summary>The network of the layers added so far.</summary>
    public Network Build(string name) => new(name, _layers.ToList());
}
