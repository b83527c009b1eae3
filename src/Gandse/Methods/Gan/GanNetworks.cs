using Gandse.Config;
using Gandse.Tasks;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Gandse.Methods.Gan;

/// <summary>
/// The three networks of GANDSE and the normalisation they share. Generator G(z, c) → per-parameter logits;
/// discriminator D(design, c) → real/fake logit; surrogate S(design, c) → normalised log2 metrics, trained on
/// simulator samples and frozen while the GAN trains (<see cref="DesignGenerator"/> for the generator's shapes). Designs enter D and S as one-hot blocks.
/// </summary>
public sealed class GanNetworks : Module
{
    private readonly DesignGenerator generator;
    private readonly Mlp discriminator;
    private readonly Mlp surrogate;
    private readonly Tensor surrogate_mean;
    private readonly Tensor surrogate_std;

    /// <summary>The generator, discriminator and surrogate for the task, the surrogate with <paramref name="surrogateOutputs"/> metrics.</summary>
    public GanNetworks(ModelConfig model, IDseTask task, int surrogateOutputs)
        : base("gandse")
    {
        NoiseDim = model.NoiseDim;
        int features = task.FeatureCount;
        int designWidth = task.Space.OneHotWidth;
        (int hidden, int layers) = (model.Hidden, model.Layers);
        generator = DesignGenerator.Create(model, task);
        discriminator = new Mlp("discriminator", designWidth + features, hidden, layers, 1, leaky: true);
        surrogate = new Mlp("surrogate", designWidth + features, hidden, layers, surrogateOutputs, leaky: false);
        surrogate_mean = zeros(surrogateOutputs);
        surrogate_std = ones(surrogateOutputs);
        RegisterComponents();
    }

    /// <summary>Width of the generator's noise input.</summary>
    public int NoiseDim { get; }

    /// <summary>The generator.</summary>
    public DesignGenerator Generator => generator;

    /// <summary>The discriminator: a logit for (design, features) being a near-optimal pair.</summary>
    public Mlp Discriminator => discriminator;

    /// <summary>The differentiable surrogate of the cost model's log2 metrics.</summary>
    public Mlp Surrogate => surrogate;

    /// <summary>The discriminator's logit for designs (one-hot or relaxed) under features.</summary>
    public Tensor DiscriminatorLogit(Tensor design, Tensor features) => discriminator.forward(cat(new[] { design, features }, -1)).squeeze(-1);

    /// <summary>Normalised log2 metrics predicted by the surrogate.</summary>
    public Tensor SurrogateNormalised(Tensor design, Tensor features) => surrogate.forward(cat(new[] { design, features }, -1));

    /// <summary>log2 metrics predicted by the surrogate.</summary>
    public Tensor SurrogateLog2(Tensor design, Tensor features) => (SurrogateNormalised(design, features) * surrogate_std) + surrogate_mean;

    /// <summary>Log2 metrics standardised as the surrogate predicts them.</summary>
    public Tensor NormaliseLog2(Tensor log2Metrics) => (log2Metrics - surrogate_mean) / surrogate_std;

    /// <summary>Sets the surrogate's output normalisation (saved with the networks).</summary>
    public void SetSurrogateNormalisation(Tensor mean, Tensor std)
    {
        using IDisposable noGrad = no_grad();
        surrogate_mean.copy_(mean);
        surrogate_std.copy_(std);
    }
}
