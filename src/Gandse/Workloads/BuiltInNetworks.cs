using System.Collections.Concurrent;
using Gandse.Workloads.Networks;

namespace Gandse.Workloads;

/// <summary>
/// Well-known networks, spelled <c>network:NAME</c>, layer by layer as they run on a systolic array (pooling and
/// element-wise layers omitted; convolutions lowered as SCALE-Sim lowers them). Each family's file names its source.
/// </summary>
public static class BuiltInNetworks
{
    private static readonly (string Name, Func<Network> Build, string Kind)[] Catalog =
    {
        ("alexnet", AlexNet.Build, "CNN"),
        ("vgg11", Vggs.Vgg11, "CNN"),
        ("vgg13", Vggs.Vgg13, "CNN"),
        ("vgg16", Vggs.Vgg16, "CNN"),
        ("vgg19", Vggs.Vgg19, "CNN"),
        ("resnet18", ResNets.ResNet18, "CNN"),
        ("resnet34", ResNets.ResNet34, "CNN"),
        ("resnet50", ResNets.ResNet50, "CNN"),
        ("resnet101", ResNets.ResNet101, "CNN"),
        ("resnet152", ResNets.ResNet152, "CNN"),
        ("mobilenetv1", MobileNets.MobileNetV1, "CNN, depthwise"),
        ("mobilenetv2", MobileNets.MobileNetV2, "CNN, depthwise"),
        ("efficientnet-b0", EfficientNetB0.Build, "CNN, depthwise"),
        ("bert-base", Transformers.BertBase, "transformer"),
        ("bert-large", Transformers.BertLarge, "transformer"),
        ("gpt2", Transformers.Gpt2, "transformer"),
        ("gpt2-medium", Transformers.Gpt2Medium, "transformer"),
        ("vit-b16", Transformers.VitB16, "transformer"),
    };

    /// <summary>The built-in networks' names.</summary>
    public static IReadOnlyList<string> Names { get; } = Catalog.Select(n => n.Name).ToArray();

    /// <summary>What kind of network <paramref name="name"/> is: CNN, CNN with depthwise layers, or transformer.</summary>
    public static string Kind(string name) => Find(name).Kind;

    private static readonly ConcurrentDictionary<string, Network> Built = new();

    /// <summary>The network called <paramref name="name"/> (case-insensitive), built once.</summary>
    public static Network Get(string name) => Built.GetOrAdd(Find(name).Name, key => Find(key).Build());

    /// <summary>Whether <paramref name="network"/> is a built-in network, layer for layer.</summary>
    public static bool IsBuiltIn(Network network) =>
        Names.Contains(network.Name) && Get(network.Name).Layers.SequenceEqual(network.Layers);

    private static (string Name, Func<Network> Build, string Kind) Find(string name)
    {
        foreach (var entry in Catalog)
        {
            if (string.Equals(entry.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return entry;
            }
        }

        throw new UsageException($"unknown network '{name}'; allowed: {string.Join(", ", Names)}");
    }
}
