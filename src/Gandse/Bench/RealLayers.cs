using Gandse.Workloads;

namespace Gandse.Bench;

/// <summary>
/// Real layers as GEMMs, for fidelity checks: every distinct layer of the built-in CNNs (ResNet-50, VGG-16,
/// MobileNetV2; see <see cref="BuiltInNetworks"/>) and transformer GEMMs at batch 1: BERT-base at sequence 128
/// (Devlin et al., NAACL 2019: hidden 768, FFN 3,072, 12 heads of 64), ViT-B/16 at 224 × 224 (Dosovitskiy et al.,
/// ICLR 2021: 196 patches + 1 class token), GPT-2 small decoding one token (Radford et al., 2019: hidden 768,
/// fused QKV 2,304, vocabulary 50,257) and an 8-token decode of a 4,096-wide model.
/// </summary>
public static class RealLayers
{
    /// <summary>GEMMs of layers from the built-in networks, each with the network it came from.</summary>
    public static IReadOnlyList<(string Source, Gemm Gemm)> All { get; } = Build();

    private static List<(string, Gemm)> Build()
    {
        var layers = new List<(string, Gemm)>();
        foreach (string name in new[] { "resnet50", "vgg16", "mobilenetv2" })
        {
            layers.AddRange(BuiltInNetworks.Get(name).Layers.Select(l => (name, l.Gemm)));
        }

        (string, long, long, long)[] transformers =
        {
            ("bert-base", 128, 768, 768), ("bert-base", 128, 3072, 768), ("bert-base", 128, 768, 3072), ("bert-base", 128, 128, 64), ("bert-base", 128, 64, 128),
            ("vit-b16", 197, 2304, 768), ("vit-b16", 197, 768, 768), ("vit-b16", 197, 3072, 768), ("vit-b16", 197, 768, 3072), ("vit-b16", 196, 768, 768),
            ("gpt2-decode", 1, 2304, 768), ("gpt2-decode", 1, 768, 768), ("gpt2-decode", 1, 3072, 768), ("gpt2-decode", 1, 768, 3072), ("gpt2-decode", 1, 50257, 768),
            ("decode-4096", 8, 4096, 4096), ("decode-4096", 8, 11008, 4096), ("decode-4096", 8, 4096, 11008),
        };
        layers.AddRange(transformers.Select(t => (t.Item1, new Gemm(t.Item2, t.Item3, t.Item4))));
        return layers.DistinctBy(l => l.Item2).ToList();
    }
}
