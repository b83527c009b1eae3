using Gandse.Config;
using Gandse.Tasks;
using TorchSharp;
using static TorchSharp.torch;

namespace Gandse.Methods.Gan;

/// <summary>One MLP from (z, c) to all logits; parameters are drawn independently given z and c.</summary>
public sealed class FactorisedGenerator : DesignGenerator
{
    private readonly Mlp mlp;

    /// <summary>A generator whose blocks are drawn independently given the noise and features.</summary>
    public FactorisedGenerator(int inputs, IReadOnlyList<int> blocks, GeneratorLayout layout, int hidden, int layers)
        : base("generator", blocks, layout)
    {
        mlp = new Mlp("mlp", inputs, hidden, layers, Blocks.Sum(), leaky: false);
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override Tensor Logits(Tensor noise, Tensor features, Tensor design) => Forward(noise, features);

    /// <inheritdoc/>
    public override Tensor StraightThrough(Tensor noise, Tensor features, double tau, Generator? sampler) =>
        GumbelSoftmax.StraightThrough(Forward(noise, features), Blocks, tau, sampler);

    /// <inheritdoc/>
    public override Tensor Sample(Tensor noise, Tensor features, double temperature, double slotTemperature, Generator? sampler)
    {
        using IDisposable noGrad = no_grad();
        return GumbelSoftmax.Sample(Forward(noise, features) / Temperatures(temperature, slotTemperature), Blocks, sampler);
    }

    private Tensor Forward(Tensor noise, Tensor features) => mlp.forward(cat(new[] { noise, features }, -1));
}
