using Gandse.Tensors;
using static TorchSharp.torch;

namespace Gandse.Methods.Bayesian;

/// <summary>
/// The covariance of a mixed design space: amplitude × Matérn-5/2 over the ordinal positions (each scaled to
/// [0, 1]; for powers of two the position is the log2 scale) with one lengthscale per dimension, × an overlap
/// kernel over the categorical parameters (the share of them on which two designs agree; 1 without any). Both
/// factors are positive semi-definite, so the product is.
/// </summary>
public static class MixedKernel
{
    private static readonly double Sqrt5 = Math.Sqrt(5.0);

    /// <summary>
    /// K(a, b), [n, m]: <paramref name="ordinalA"/> [n, D] and <paramref name="ordinalB"/> [m, D] positions,
    /// <paramref name="categoricalA"/> [n, C] and <paramref name="categoricalB"/> [m, C] choices (C may be 0),
    /// <paramref name="lengthscales"/> [D] and <paramref name="amplitude"/> a scalar tensor (both positive).
    /// </summary>
    public static Tensor Covariance(Tensor ordinalA, Tensor categoricalA, Tensor ordinalB, Tensor categoricalB, Tensor lengthscales, Tensor amplitude)
    {
        Tensor matern;
        if (ordinalA.shape[1] > 0)
        {
            Tensor difference = (ordinalA.unsqueeze(1) - ordinalB.unsqueeze(0)) / lengthscales;
            // The small offset keeps the gradient of the square root finite where two designs coincide.
            Tensor r = SafeOps.Add(difference.square().sum(-1), 1e-12).sqrt();
            Tensor scaled = SafeOps.Mul(r, Sqrt5);
            matern = SafeOps.Add(SafeOps.Add(scaled, SafeOps.Mul(r.square(), 5.0 / 3.0)), 1) * (-scaled).exp();
        }
        else
        {
            matern = ones(ordinalA.shape[0], ordinalB.shape[0], dtype: ScalarType.Float64);
        }

        if (categoricalA.shape[1] > 0)
        {
            Tensor overlap = categoricalA.unsqueeze(1).eq(categoricalB.unsqueeze(0)).to_type(ScalarType.Float64).mean(new long[] { -1 });
            matern = matern * overlap;
        }

        return amplitude * matern;
    }
}
