using Gandse.Methods.Gan;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Gandse.Methods.Baselines;

/// <summary>
/// An autoregressive policy over a design's parameters, as in ConfuciuX: step t sees the condition, the
/// choices made so far (one-hot, zeros for later parameters) and which parameter it is choosing, and outputs
/// logits for that parameter's choices. A value head estimates the expected reward of a condition (the
/// learned baseline of REINFORCE).
/// </summary>
public sealed class PolicyNetwork : Module
{
    private readonly Mlp policy;
    private readonly Mlp value;
    private readonly int[] _blocks;
    private readonly int _width;

    /// <summary>A policy over parameter blocks of sizes <paramref name="blocks"/> given <paramref name="features"/> condition features.</summary>
    public PolicyNetwork(int features, int[] blocks, int hidden, int layers)
        : base("policy")
    {
        _blocks = blocks;
        _width = blocks.Sum();
        policy = new Mlp("policy", features + _width + blocks.Length, hidden, layers, blocks.Max(), leaky: false);
        value = new Mlp("value", Math.Max(1, features), hidden, layers, 1, leaky: false);
        RegisterComponents();
    }

    /// <summary>The value baseline for the features, [Q].</summary>
    public Tensor Value(Tensor features) => value.forward(features).squeeze(-1);

    /// <summary>
    /// Samples one design per row of <paramref name="features"/>: choice indices [B, P], the summed log-probability
    /// of the choices [B] and the summed entropy of the step distributions [B].
    /// </summary>
    public (Tensor Designs, Tensor LogProbability, Tensor Entropy) Sample(Tensor features, Generator generator)
    {
        long batch = features.shape[0];
        Tensor chosen = zeros(batch, _width);
        var choices = new List<Tensor>(_blocks.Length);
        Tensor logProbability = zeros(batch);
        Tensor entropy = zeros(batch);
        long offset = 0;
        for (int t = 0; t < _blocks.Length; t++)
        {
            Tensor step = nn.functional.one_hot(full(batch, t, ScalarType.Int64), _blocks.Length).to_type(ScalarType.Float32);
            Tensor logits = policy.forward(cat(new[] { features, chosen, step }, -1)).narrow(-1, 0, _blocks[t]);
            Tensor logSoftmax = logits.log_softmax(-1);
            Tensor choice = (logits.detach() + GumbelSoftmax.Noise(logits, generator)).argmax(-1);
            logProbability = logProbability + logSoftmax.gather(-1, choice.unsqueeze(-1)).squeeze(-1);
            entropy = entropy - (logSoftmax.exp() * logSoftmax).sum(-1);
            Tensor oneHot = nn.functional.one_hot(choice, _blocks[t]).to_type(ScalarType.Float32);
            chosen = cat(new[] { chosen.narrow(-1, 0, offset), oneHot, chosen.narrow(-1, offset + _blocks[t], _width - offset - _blocks[t]) }, -1);
            choices.Add(choice);
            offset += _blocks[t];
        }

        return (stack(choices, -1), logProbability, entropy);
    }
}
