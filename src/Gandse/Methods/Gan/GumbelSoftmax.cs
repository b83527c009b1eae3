using TorchSharp;
using static TorchSharp.torch;

namespace Gandse.Methods.Gan;

/// <summary>
/// Discrete choices from per-parameter logits laid out in one-hot blocks. TorchSharp has no gumbel_softmax;
/// this is the straight-through estimator of Jang et al. (2017): the forward pass is the hard one-hot of the
/// Gumbel-perturbed arg-max, the backward pass the gradient of the tempered softmax.
/// </summary>
public static class GumbelSoftmax
{
    private const double Epsilon = 1e-10;

    /// <summary>Hard one-hot blocks [B, W] whose gradient is that of softmax((logits + g) / tau) per block.</summary>
    public static Tensor StraightThrough(Tensor logits, IReadOnlyList<int> blockSizes, double tau, Generator? generator = null)
    {
        Tensor perturbed = (logits + Noise(logits, generator)) / tau;
        var blocks = new List<Tensor>(blockSizes.Count);
        long offset = 0;
        foreach (int size in blockSizes)
        {
            Tensor soft = perturbed.narrow(-1, offset, size).softmax(-1);
            Tensor hard = nn.functional.one_hot(soft.argmax(-1), size).to_type(soft.dtype);
            blocks.Add(hard - soft.detach() + soft);
            offset += size;
        }

        return cat(blocks, -1);
    }

    /// <summary>Choice indices [B, P] sampled from softmax(logits) per block (the Gumbel-max trick); no gradient.</summary>
    public static Tensor Sample(Tensor logits, IReadOnlyList<int> blockSizes, Generator? generator = null)
    {
        using IDisposable noGrad = no_grad();
        return ArgMax(logits + Noise(logits, generator), blockSizes);
    }

    /// <summary>The arg-max of each block of <paramref name="scores"/>: choice indices [B, P].</summary>
    public static Tensor ArgMax(Tensor scores, IReadOnlyList<int> blockSizes)
    {
        var indices = new List<Tensor>(blockSizes.Count);
        long offset = 0;
        foreach (int size in blockSizes)
        {
            indices.Add(scores.narrow(-1, offset, size).argmax(-1));
            offset += size;
        }

        return stack(indices, -1);
    }

    /// <summary>Standard Gumbel noise −log(−log U), U ~ Uniform(0, 1), shaped like <paramref name="like"/>.</summary>
    public static Tensor Noise(Tensor like, Generator? generator = null)
    {
        Tensor uniform = rand(like.shape, like.dtype, generator: generator);
        return -(-(uniform + Epsilon).log() + Epsilon).log();
    }
}
