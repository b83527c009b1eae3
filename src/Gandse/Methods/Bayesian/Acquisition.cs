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
        Tensor sigma = variance.clamp_min(1e-18).sqrt();
        Tensor gain = mean - best - xi;
        Tensor z = gain / sigma;
        Tensor cdf = 0.5 * (1 + special.erf(z / Math.Sqrt(2.0)));
        Tensor pdf = (-0.5 * z.square()).exp() / Math.Sqrt(2 * Math.PI);
        return (gain * cdf) + (sigma * pdf);
    }

    /// <summary>Upper confidence bound μ + β σ.</summary>
    public static Tensor UpperConfidenceBound(Tensor mean, Tensor variance, double beta) => mean + (beta * variance.clamp_min(0).sqrt());
}
