using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Gandse.Methods.Ordinal;

/// <summary>
/// AIrchitect v2's encoder: each condition feature becomes one token (its value times a learned vector, plus
/// the learned embedding of its uniform bin and of which feature it is), a class token joins them, a small
/// transformer encoder mixes them, and the class token's output feeds the unified ordinal heads.
/// </summary>
public sealed class OrdinalTransformerNetwork : Module<Tensor, Tensor>
{
    /// <summary>Uniform bins per feature, as the MLP recommender's (features are normalised to about [0, 1.5]).</summary>
    private const int Bins = 32;
    private const double FeatureRange = 1.5;

    private readonly Parameter valueScale;
    private readonly Parameter featureBias;
    private readonly Parameter classToken;
    private readonly Embedding bins;
    private readonly ModuleList<TransformerEncoderLayer> encoder;
    private readonly LayerNorm norm;
    private readonly Linear head;
    private readonly Tensor offsets;

    /// <summary>An encoder over <paramref name="features"/> tokens ending in <paramref name="outputs"/> ordinal outputs.</summary>
    public OrdinalTransformerNetwork(int features, int modelDim, int heads, int layers, int feedForward, double dropout, int outputs)
        : base("ordinal_transformer")
    {
        valueScale = Parameter(randn(features, modelDim) * 0.1);
        featureBias = Parameter(randn(features, modelDim) * 0.1);
        classToken = Parameter(randn(1, 1, modelDim) * 0.1);
        bins = Embedding(features * Bins, modelDim);
        encoder = ModuleList(Enumerable.Range(0, layers).Select(_ => TransformerEncoderLayer(modelDim, heads, feedForward, dropout)).ToArray());
        norm = LayerNorm(modelDim);
        head = Linear(modelDim, outputs);
        offsets = arange(features, dtype: ScalarType.Int64) * Bins;
        RegisterComponents();
    }

    /// <summary>Ordinal outputs (logits) [B, outputs] of condition features [B, F].</summary>
    public override Tensor forward(Tensor features)
    {
        Tensor bin = (features / FeatureRange * Bins).floor().clamp(0, Bins - 1).to_type(ScalarType.Int64) + offsets;
        Tensor tokens = (features.unsqueeze(-1) * valueScale) + featureBias + bins.forward(bin);
        Tensor sequence = cat(new[] { classToken.expand(features.shape[0], -1, -1), tokens }, 1).transpose(0, 1);
        foreach (TransformerEncoderLayer layer in encoder)
        {
            sequence = layer.forward(sequence);
        }

        return head.forward(norm.forward(sequence[0]));
    }
}
