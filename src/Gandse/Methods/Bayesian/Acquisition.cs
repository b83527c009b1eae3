using Gandse.Tensors;
using static TorchSharp.torch;

namespace Gandse.Methods.Bayesian;

/// <summary>Acquisition functions for maximisation, from a GP's posterior mean and variance.</summary>
public static class Acquisition
{
    /// <summary>The acquisitions <c>methods.bo.acquisition</c> may name.</summary>
    public static readonly IReadOnlyList<string> Names = new[] { "ei", "ucb" };

    /// <summary>
    /// Expected improvement over <paramref name="best"/>: (μ − best − ξ) Φ(z) + σ φ(z), z = (μ − best − ξ) / σ.
    /// </summary>
    public static Tensor ExpectedImprovement(Tensor mean, Tensor variance, double best, double xi = 0.0)
    {
        Tensor sigma = variance.clamp_min(SafeOps.Constant(1e-18)).sqrt();
        Tensor gain = SafeOps.Sub(mean, best + xi);
        Tensor z = gain / sigma;
        Tensor cdf = SafeOps.Mul(SafeOps.Add(special.erf(SafeOps.Div(z, Math.Sqrt(2.0))), 1), 0.5);
        Tensor pdf = SafeOps.Div(SafeOps.Mul(z.square(), -0.5).exp(), Math.Sqrt(2 * Math.PI));
        return SafeOps.Add(gain * cdf, sigma * pdf);
    }

    /// <summary>Upper confidence bound μ + β σ.</summary>
    public static Tensor UpperConfidenceBound(Tensor mean, Tensor variance, double beta) => SafeOps.Add(mean, SafeOps.Mul(variance.clamp_min(SafeOps.Constant(0)).sqrt(), beta));
}
