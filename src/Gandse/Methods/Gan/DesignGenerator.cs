using Gandse.Config;
using Gandse.Tasks;
using TorchSharp;
using static TorchSharp.torch;

namespace Gandse.Methods.Gan;

/// <summary>
/// The generator G(z, c): per-parameter logits, from which designs are drawn. <c>chained</c> draws each
/// parameter given the ones drawn before it (<see cref="ChainedGenerator"/>); <c>factorised</c> draws all from
/// one set of logits, so any dependence between parameters must pass through the noise.
/// </summary>
public abstract class DesignGenerator : nn.Module
{
    /// <summary>The generator kinds model.generator may name.</summary>
    public static readonly IReadOnlyList<string> Kinds = new[] { "chained", "factorised" };

    /// <summary>A generator called <paramref name="name"/> over parameter blocks of sizes <paramref name="blocks"/>.</summary>
    protected DesignGenerator(string name, IReadOnlyList<int> blocks, GeneratorLayout layout)
        : base(name)
    {
        Blocks = blocks.ToArray();
        Layout = layout;
    }

    /// <summary>Choice counts of the parameters, in order.</summary>
    public int[] Blocks { get; }

    /// <summary>Which parameters are chained and which are per-layer slots.</summary>
    public GeneratorLayout Layout { get; }

    /// <summary>The generator model.generator names, sized for the task.</summary>
    public static DesignGenerator Create(ModelConfig model, IDseTask task)
    {
        int[] blocks = task.Space.Parameters.Select(p => p.Count).ToArray();
        int inputs = model.NoiseDim + task.FeatureCount;
        return model.Generator switch
        {
            "chained" => new ChainedGenerator(inputs, blocks, task.Layout, model.Hidden, model.Layers),
            "factorised" => new FactorisedGenerator(inputs, blocks, task.Layout, model.Hidden, model.Layers),
            _ => throw new ArgumentException($"unknown generator {model.Generator}", nameof(model)),
        };
    }

    /// <summary>
    /// Logits [B, W] of every parameter. A chained generator conditions each parameter on <paramref name="design"/>'s
    /// earlier ones (teacher forcing), so the cross-entropy against that design is its exact negative log-likelihood.
    /// </summary>
    public abstract Tensor Logits(Tensor noise, Tensor features, Tensor design);

    /// <summary>Hard one-hot designs [B, W] whose gradients are the straight-through Gumbel-softmax ones at <paramref name="tau"/>.</summary>
    public abstract Tensor StraightThrough(Tensor noise, Tensor features, double tau, Generator? sampler);

    /// <summary>
    /// Choice indices [B, P], each drawn from softmax(logits / temperature), per-layer slots at
    /// <paramref name="slotTemperature"/>; no gradient.
    /// </summary>
    public abstract Tensor Sample(Tensor noise, Tensor features, double temperature, double slotTemperature, Generator? sampler);

    /// <summary>Per-logit divisors [W]: <paramref name="temperature"/> for chained parameters, <paramref name="slotTemperature"/> for slots.</summary>
    protected Tensor Temperatures(double temperature, double slotTemperature)
    {
        int chainedWidth = Blocks.Take(Layout.Chained).Sum();
        return cat(new[] { full(chainedWidth, (float)temperature), full(Blocks.Sum() - chainedWidth, (float)slotTemperature) });
    }
}

