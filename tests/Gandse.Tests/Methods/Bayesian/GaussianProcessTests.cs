using Gandse.Methods.Bayesian;
using static TorchSharp.torch;

namespace Gandse.Tests.Methods.Bayesian;

public sealed class GaussianProcessTests
{
    private static double Matern52(double r) => (1 + (Math.Sqrt(5) * r) + (5.0 / 3.0 * r * r)) * Math.Exp(-Math.Sqrt(5) * r);

    [Fact]
    public void The_posterior_matches_the_closed_form_for_two_observations()
    {
        using IDisposable scope = NewDisposeScope();
        // Fixed hyperparameters (no fitting): amplitude 1.5, lengthscale 0.4, noise 0.01, in standardised units.
        var gp = new GaussianProcess(1) { LogAmplitude = Math.Log(1.5), LogLengthscales = new[] { Math.Log(0.4) }, LogNoise = Math.Log(0.01) };
        double[] xs = { 0.1, 0.6 };
        double[] ys = { 3.0, 5.0 };
        gp.Fit(tensor(xs, new long[] { 2, 1 }, ScalarType.Float64), zeros(2, 0, dtype: ScalarType.Int64), tensor(ys, ScalarType.Float64), steps: 0);
        (Tensor mean, Tensor variance) = gp.Predict(tensor(new[] { 0.3 }, new long[] { 1, 1 }, ScalarType.Float64), zeros(1, 0, dtype: ScalarType.Int64));

        // By hand: y standardised with mean 4 and sample std sqrt(2); K = a·m(|xi − xj| / l) + noise·I, 2 × 2 inverse.
        double a = 1.5, l = 0.4, noise = 0.01 + 1e-8, yMean = 4, yStd = Math.Sqrt(2);
        double k00 = a + noise, k11 = a + noise, k01 = a * Matern52(0.5 / l);
        double det = (k00 * k11) - (k01 * k01);
        double[,] inverse = { { k11 / det, -k01 / det }, { -k01 / det, k00 / det } };
        double[] y = ys.Select(v => (v - yMean) / yStd).ToArray();
        double[] k = { a * Matern52(0.2 / l), a * Matern52(0.3 / l) };
        double[] alpha = { (inverse[0, 0] * y[0]) + (inverse[0, 1] * y[1]), (inverse[1, 0] * y[0]) + (inverse[1, 1] * y[1]) };
        double expectedMean = ((k[0] * alpha[0]) + (k[1] * alpha[1])) * yStd + yMean;
        double quadratic = (k[0] * ((inverse[0, 0] * k[0]) + (inverse[0, 1] * k[1]))) + (k[1] * ((inverse[1, 0] * k[0]) + (inverse[1, 1] * k[1])));
        double expectedVariance = (a - quadratic) * yStd * yStd;

        Assert.Equal(expectedMean, mean.item<double>(), 9);
        Assert.Equal(expectedVariance, variance.item<double>(), 9);
    }

    [Fact]
    public void At_an_observation_with_little_noise_the_posterior_is_the_observation_and_nearly_certain()
    {
        using IDisposable scope = NewDisposeScope();
        var gp = new GaussianProcess(2) { LogNoise = Math.Log(1e-6) };
        Tensor x = tensor(new[] { 0.0, 0.0, 1.0, 0.5, 0.5, 1.0 }, new long[] { 3, 2 }, ScalarType.Float64);
        Tensor c = tensor(new long[] { 0, 1, 1 }, new long[] { 3, 1 });
        gp.Fit(x, c, tensor(new[] { 1.0, -2.0, 0.5 }, ScalarType.Float64), steps: 0);

        (Tensor mean, Tensor variance) = gp.Predict(x.narrow(0, 1, 1), c.narrow(0, 1, 1));

        Assert.Equal(-2.0, mean.item<double>(), 3);
        Assert.InRange(variance.item<double>(), 0, 1e-4);
    }

    [Fact]
    public void Fitting_the_hyperparameters_raises_the_marginal_likelihood()
    {
        using IDisposable scope = NewDisposeScope();
        Tensor x = linspace(0, 1, 12, dtype: ScalarType.Float64).unsqueeze(1);
        Tensor y = (x.squeeze(1) * 6).sin();
        var gp = new GaussianProcess(1) { LogLengthscales = new[] { Math.Log(5.0) } };
        gp.Fit(x, zeros(12, 0, dtype: ScalarType.Int64), y, steps: 0);
        double before = gp.NegativeLogLikelihood;

        gp.Fit(x, zeros(12, 0, dtype: ScalarType.Int64), y, steps: 100);

        Assert.True(gp.NegativeLogLikelihood < before - 0.1, $"NLL per point {before} -> {gp.NegativeLogLikelihood}");
    }

    [Fact]
    public void Expected_improvement_has_its_closed_form_values()
    {
        using IDisposable scope = NewDisposeScope();
        Tensor ei = Acquisition.ExpectedImprovement(tensor(new[] { 1.0, 3.0, -5.0 }, ScalarType.Float64), tensor(new[] { 1.0, 1e-12, 1e-12 }, ScalarType.Float64), best: 1.0);
        double[] values = ei.data<double>().ToArray();

        Assert.Equal(1 / Math.Sqrt(2 * Math.PI), values[0], 9); // at the incumbent: σ φ(0)
        Assert.Equal(2.0, values[1], 6);                          // certain improvement of 2
        Assert.Equal(0.0, values[2], 9);                          // certainly worse
        Assert.Equal(4.0, Acquisition.UpperConfidenceBound(tensor(1.0), tensor(2.25), 2).item<double>(), 9);
    }
}
