using Gandse.Spaces;
using static TorchSharp.torch;

namespace Gandse.Methods.Ordinal;

/// <summary>
/// AIrchitect v2's unified ordinal vectors: an ordered parameter with n choices is n - 1 outputs, output k the
/// chance that the choice index exceeds k (the target for index i is i ones, then zeros), so a prediction one
/// step off costs one output, not the whole class; categorical parameters keep a softmax block. All parameters'
/// outputs sit side by side in one vector.
/// </summary>
public sealed class OrdinalHeads
{
    private readonly Block[] _blocks;

    /// <summary>The heads of <paramref name="space"/>'s parameters, in order.</summary>
    public OrdinalHeads(DesignSpace space)
    {
        var blocks = new List<Block>();
        long offset = 0;
        foreach (Parameter parameter in space.Parameters)
        {
            bool ordinal = parameter.Kind != "categorical" && parameter.Count > 1;
            int width = ordinal ? parameter.Count - 1 : parameter.Count;
            blocks.Add(new Block(offset, width, parameter.Count, ordinal));
            offset += width;
        }

        _blocks = blocks.ToArray();
        Width = (int)offset;
    }

    /// <summary>Outputs in all: the network's last layer width.</summary>
    public int Width { get; }

    /// <summary>Targets [..., Width] (float) of choice indices [..., P]: ordinal ones-then-zeros or one-hot blocks.</summary>
    public Tensor Encode(Tensor indices)
    {
        var parts = new List<Tensor>(_blocks.Length);
        for (int p = 0; p < _blocks.Length; p++)
        {
            Block block = _blocks[p];
            Tensor index = indices.select(-1, p).unsqueeze(-1);
            parts.Add(block.Ordinal
                ? (arange(block.Width, dtype: ScalarType.Int64) < index).to_type(ScalarType.Float32)
                : nn.functional.one_hot(index.squeeze(-1), block.Count).to_type(ScalarType.Float32));
        }

        return cat(parts, -1);
    }

    /// <summary>
    /// Mean over parameters of the loss of outputs [B, Width] against targets [B, Width] (possibly averaged over
    /// a set of designs): binary cross-entropy per ordinal output, cross-entropy per categorical block.
    /// </summary>
    public Tensor Loss(Tensor outputs, Tensor targets)
    {
        Tensor total = zeros(1).squeeze();
        foreach (Block block in _blocks)
        {
            Tensor output = outputs.narrow(-1, block.Offset, block.Width);
            Tensor target = targets.narrow(-1, block.Offset, block.Width);
            total = total + (block.Ordinal
                ? nn.functional.binary_cross_entropy_with_logits(output, target, reduction: nn.Reduction.Sum) / output.shape[0]
                : -(target * output.log_softmax(-1)).sum() / output.shape[0]);
        }

        return total / _blocks.Length;
    }

    /// <summary>
    /// Log-probability of every choice of every parameter, one [B, Count] tensor per parameter. An ordinal
    /// block's chance of index i is P(&gt; i - 1) - P(&gt; i), the exceedance chances first made non-increasing
    /// (a running minimum), so they always form a distribution.
    /// </summary>
    public IReadOnlyList<Tensor> LogProbabilities(Tensor outputs)
    {
        var result = new List<Tensor>(_blocks.Length);
        foreach (Block block in _blocks)
        {
            Tensor output = outputs.narrow(-1, block.Offset, block.Width);
            if (!block.Ordinal)
            {
                result.Add(output.log_softmax(-1));
                continue;
            }

            Tensor exceed = output.sigmoid().cummin(-1).values;
            Tensor upper = cat(new[] { ones_like(exceed.narrow(-1, 0, 1)), exceed }, -1);
            Tensor lower = cat(new[] { exceed, zeros_like(exceed.narrow(-1, 0, 1)) }, -1);
            Tensor chance = (upper - lower).clamp_min(1e-9);
            result.Add((chance / chance.sum(-1, keepdim: true)).log());
        }

        return result;
    }

    private readonly record struct Block(long Offset, int Width, int Count, bool Ordinal);
}
