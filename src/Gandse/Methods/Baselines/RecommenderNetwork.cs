using Gandse.Methods.Gan;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Gandse.Methods.Baselines;

/// <summary>
/// AIrchitect's recommender: each condition feature discretised into bins and embedded on its own, the
/// embeddings concatenated, dense ReLU layers, then one softmax per design parameter (factorised heads: the
/// joint softmax over all designs would be too large).
/// </summary>
public sealed class RecommenderNetwork : Module<Tensor, Tensor>
{
    /// <summary>Bins each condition feature is embedded by.</summary>
    public const int Bins = 32;

    /// <summary>Features are normalised to about [0, 1.5]; bins split that range evenly.</summary>
    private const double FeatureRange = 1.5;

    private readonly Embedding embedding;
    private readonly Mlp trunk;
    private readonly Tensor offsets;

    /// <summary>An MLP over embedded condition features with one head per design parameter (<paramref name="designWidth"/> outputs in all).</summary>
    public RecommenderNetwork(int features, int embeddingDim, int hidden, int layers, int designWidth)
        : base("recommender")
    {
        embedding = Embedding(features * Bins, embeddingDim);
        trunk = new Mlp("trunk", features * embeddingDim, hidden, layers, designWidth, leaky: false);
        offsets = arange(features, dtype: ScalarType.Int64) * Bins;
        RegisterComponents();
    }

    /// <summary>Per-parameter logits, laid out like the space's one-hot blocks.</summary>
    public override Tensor forward(Tensor features)
    {
        Tensor bins = (features / FeatureRange * Bins).floor().clamp(0, Bins - 1).to_type(ScalarType.Int64);
        return trunk.forward(embedding.forward(bins + offsets).flatten(1));
    }
}
