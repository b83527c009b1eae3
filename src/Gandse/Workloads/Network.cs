using System.Globalization;

namespace Gandse.Workloads;

/// <summary>
/// An ordered list of layers run one after another on one array. Built-in networks are spelled
/// <c>network:resnet50</c>; any other network spells out its layers, <c>network:NAME:MxNxK;MxNxK*R;…</c>.
/// </summary>
public sealed record Network : Workload
{
    /// <summary>A network called <paramref name="name"/> of <paramref name="layers"/>.</summary>
    public Network(string name, IReadOnlyList<NetworkLayer> layers)
    {
        if (layers.Count == 0)
        {
            throw new ArgumentException($"Network {name} has no layers.", nameof(layers));
        }

        Name = name;
        Layers = layers;
    }

    /// <summary>The network's name.</summary>
    public string Name { get; }

    /// <summary>The layers, each with its repeat count.</summary>
    public IReadOnlyList<NetworkLayer> Layers { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<Gemm> Gemms => Layers.Select(l => l.Gemm).ToList();

    /// <summary>MACs of the whole network, repeats included.</summary>
    public long Macs => Layers.Sum(l => l.Gemm.Macs * l.Repeats);

    /// <summary><c>network:NAME</c> for a built-in network as built; any other layer list (merged, say) is spelled out.</summary>
    public override string Spec => BuiltInNetworks.IsBuiltIn(this)
        ? $"network:{Name}"
        : $"network:{Name}:{string.Join(";", Layers.Select(l => l.Spec))}";

    /// <summary>
    /// The same network with layers of equal GEMM shape merged into one layer run their summed number of times,
    /// in order of first appearance. Layers run one after another and each costs the same wherever it runs, so a
    /// design's total and each layer's best dataflow are unchanged; ResNet-101's 105 layers become 35.
    /// </summary>
    public Network MergeEqualShapes()
    {
        var merged = Layers
            .GroupBy(l => l.Gemm)
            .Select(g => new NetworkLayer(g.Count() == 1 ? g.First().Name : $"{g.First().Name} (+{g.Count() - 1} alike)", g.Key, g.Sum(l => l.Repeats)))
            .ToList();
        return new Network(Name, merged);
    }

    /// <summary>Reads the layer list of a spelled-out network spec (what follows <c>network:NAME:</c>).</summary>
    public static Network ParseLayers(string name, string layers)
    {
        var parsed = new List<NetworkLayer>();
        foreach (string item in layers.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] repeat = item.Split('*');
            string[] dims = repeat[0].Split('x');
            if (dims.Length != 3 || repeat.Length > 2)
            {
                throw new UsageException($"malformed layer '{item}' in network '{name}'; expected MxNxK or MxNxK*repeats");
            }

            long Dim(string token, string what) => WorkloadParser.ParsePositiveInteger(token, what);
            parsed.Add(new NetworkLayer(
                $"layer{parsed.Count}",
                new Gemm(Dim(dims[0], "M"), Dim(dims[1], "N"), Dim(dims[2], "K")),
                repeat.Length == 2 ? Dim(repeat[1], "repeats") : 1));
        }

        return parsed.Count > 0 ? new Network(name, parsed) : throw new UsageException($"network '{name}' has no layers");
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"network:{Name} ({Layers.Count} layers)");
}
