using Gandse.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace Gandse.Methods.Bayesian;

/// <summary>
/// Exact Gaussian-process regression in float64 with the <see cref="MixedKernel"/>: targets standardised,
/// inference by Cholesky, hyperparameters (amplitude, lengthscales, noise; all as logs) fitted by maximising the
/// log marginal likelihood with Adam. <see cref="Predict"/> gives the latent function's posterior mean and
/// variance in the targets' own units.
/// </summary>
public sealed class GaussianProcess
{
    private Tensor _ordinal = empty(0), _categorical = empty(0), _alpha = empty(0), _cholesky = empty(0);
    private double _mean, _scale = 1;

    /// <summary>A process over <paramref name="ordinalDims"/> ordinal dimensions, starting from unit amplitude, lengthscales of 0.3 and small noise.</summary>
    public GaussianProcess(int ordinalDims)
    {
        LogAmplitude = 0;
        LogLengthscales = Enumerable.Repeat(Math.Log(0.3), ordinalDims).ToArray();
        LogNoise = Math.Log(1e-3);
    }

    /// <summary>log of the kernel amplitude (in standardised units).</summary>
    public double LogAmplitude { get; set; }

    /// <summary>log of each ordinal dimension's lengthscale.</summary>
    public double[] LogLengthscales { get; set; }

    /// <summary>log of the observation noise variance (in standardised units).</summary>
    public double LogNoise { get; set; }

    /// <summary>The negative log marginal likelihood per point at the last <see cref="Fit"/> (or <see cref="Condition"/>).</summary>
    public double NegativeLogLikelihood { get; private set; }

    /// <summary>
    /// Conditions the process on observations: <paramref name="ordinal"/> [n, D] positions, <paramref name="categorical"/>
    /// [n, C] choices, <paramref name="targets"/> [n]; <paramref name="steps"/> Adam steps on the hyperparameters first
    /// (0 keeps them).
    /// </summary>
    public void Fit(Tensor ordinal, Tensor categorical, Tensor targets, int steps = 50, double learningRate = 0.05)
    {
        using (NewDisposeScope())
        {
            Tensor y = Standardise(targets);
            if (steps > 0)
            {
                // Adam by hand on the few hyperparameters, in doubles: TorchSharp's optimisers turn their constants
                // into short-lived Scalars that the garbage collector can free mid-call (see SafeOps), which a
                // search fitting thousands of times per comparison does hit.
                double[] theta = new[] { LogAmplitude, LogNoise }.Concat(LogLengthscales).ToArray();
                var m = new double[theta.Length];
                var v = new double[theta.Length];
                const double beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8;
                for (int step = 1; step <= steps; step++)
                {
                    using DisposeScope scope = NewDisposeScope();
                    Tensor logAmplitude = tensor(theta[0], ScalarType.Float64).requires_grad_();
                    Tensor logNoise = tensor(theta[1], ScalarType.Float64).requires_grad_();
                    Tensor logLengthscales = tensor(theta.Skip(2).ToArray(), ScalarType.Float64).requires_grad_();
                    Nll(ordinal, categorical, y, logAmplitude, logLengthscales, logNoise).backward();
                    double[] gradient = new[] { logAmplitude.grad!.item<double>(), logNoise.grad!.item<double>() }
                        .Concat(theta.Length > 2 ? logLengthscales.grad!.data<double>().ToArray() : Array.Empty<double>()).ToArray();
                    for (int i = 0; i < theta.Length; i++)
                    {
                        double g = double.IsFinite(gradient[i]) ? gradient[i] : 0;
                        m[i] = (beta1 * m[i]) + ((1 - beta1) * g);
                        v[i] = (beta2 * v[i]) + ((1 - beta2) * g * g);
                        double mHat = m[i] / (1 - Math.Pow(beta1, step)), vHat = v[i] / (1 - Math.Pow(beta2, step));
                        theta[i] -= learningRate * mHat / (Math.Sqrt(vHat) + epsilon);
                    }

                    // Bounds keep the matrix well conditioned and the lengthscales within the unit cube's reach.
                    theta[0] = Math.Clamp(theta[0], Math.Log(0.05), Math.Log(20.0));
                    theta[1] = Math.Clamp(theta[1], Math.Log(1e-6), Math.Log(1.0));
                    for (int i = 2; i < theta.Length; i++)
                    {
                        theta[i] = Math.Clamp(theta[i], Math.Log(0.01), Math.Log(10.0));
                    }
                }

                LogAmplitude = theta[0];
                LogNoise = theta[1];
                LogLengthscales = theta.Skip(2).ToArray();
            }
        }

        Condition(ordinal, categorical, targets);
    }

    /// <summary>Conditions on observations with the current hyperparameters (no fitting).</summary>
    public void Condition(Tensor ordinal, Tensor categorical, Tensor targets)
    {
        using DisposeScope scope = NewDisposeScope();
        Tensor y = Standardise(targets);
        (Tensor amplitude, Tensor lengthscales, Tensor noise) = Hyperparameters();
        Tensor k = MixedKernel.Covariance(ordinal, categorical, ordinal, categorical, lengthscales, amplitude);
        Tensor l = linalg.cholesky(SafeOps.Add(k, eye(k.shape[0], dtype: ScalarType.Float64) * SafeOps.Add(noise, 1e-8)));
        Tensor alpha = cholesky_solve(y.unsqueeze(-1), l).squeeze(-1);
        NegativeLogLikelihood = ((0.5 * y.dot(alpha)) + l.diagonal().log().sum()).item<double>() / y.shape[0] + (0.5 * Math.Log(2 * Math.PI));
        _ordinal = ordinal.detach().MoveToOuterDisposeScope();
        _categorical = categorical.detach().MoveToOuterDisposeScope();
        _cholesky = l.MoveToOuterDisposeScope();
        _alpha = alpha.MoveToOuterDisposeScope();
    }

    /// <summary>Posterior mean and variance of the latent function at [m, D] / [m, C] points, in the targets' units.</summary>
    public (Tensor Mean, Tensor Variance) Predict(Tensor ordinal, Tensor categorical)
    {
        (Tensor amplitude, Tensor lengthscales, _) = Hyperparameters();
        Tensor cross = MixedKernel.Covariance(_ordinal, _categorical, ordinal, categorical, lengthscales, amplitude);
        Tensor mean = cross.transpose(0, 1).matmul(_alpha);
        Tensor quadratic = (cross * cholesky_solve(cross, _cholesky)).sum(new long[] { 0 });
        Tensor variance = SafeOps.Sub(amplitude, quadratic).clamp_min(SafeOps.Constant(1e-12));
        return (SafeOps.Add(SafeOps.Mul(mean, _scale), _mean), SafeOps.Mul(variance, _scale * _scale));
    }

    private (Tensor Amplitude, Tensor Lengthscales, Tensor Noise) Hyperparameters() =>
        (tensor(Math.Exp(LogAmplitude), ScalarType.Float64), tensor(LogLengthscales.Select(Math.Exp).ToArray(), ScalarType.Float64), tensor(Math.Exp(LogNoise), ScalarType.Float64));

    private Tensor Standardise(Tensor targets)
    {
        _mean = targets.mean().item<double>();
        _scale = targets.shape[0] > 1 ? Math.Max(targets.std().item<double>(), 1e-9) : 1;
        return SafeOps.Div(SafeOps.Sub(targets.to_type(ScalarType.Float64), _mean), _scale);
    }

    private static Tensor Nll(Tensor ordinal, Tensor categorical, Tensor y, Tensor logAmplitude, Tensor logLengthscales, Tensor logNoise)
    {
        Tensor k = MixedKernel.Covariance(ordinal, categorical, ordinal, categorical, logLengthscales.exp(), logAmplitude.exp());
        Tensor l = linalg.cholesky(SafeOps.Add(k, eye(k.shape[0], dtype: ScalarType.Float64) * SafeOps.Add(logNoise.exp(), 1e-8)));
        Tensor alpha = cholesky_solve(y.unsqueeze(-1), l).squeeze(-1);
        return SafeOps.Div(SafeOps.Add(SafeOps.Mul(y.dot(alpha), 0.5), l.diagonal().log().sum()), y.shape[0]);
    }
}
