using Gandse.Methods.Gan;
using TorchSharp;
using static TorchSharp.torch;

namespace Gandse.Tests.Methods.Gan;

public class GumbelSoftmaxTests
{
    private static readonly int[] Blocks = { 3, 2 };

    [Fact]
    public void The_forward_pass_is_one_hot_in_every_block()
    {
        using IDisposable scope = NewDisposeScope();
        Tensor logits = randn(8, 5, generator: new Generator(1));

        Tensor sample = GumbelSoftmax.StraightThrough(logits, Blocks, tau: 0.7, new Generator(2));

        Assert.True(sample.narrow(1, 0, 3).sum(1).allclose(ones(8)));
        Assert.True(sample.narrow(1, 3, 2).sum(1).allclose(ones(8)));
        Assert.True((sample.eq(0) | sample.eq(1)).all().item<bool>());
    }

    [Fact]
    public void The_gradient_is_that_of_the_tempered_softmax()
    {
        using IDisposable scope = NewDisposeScope();
        const double tau = 0.5;
        Tensor logits = randn(4, 5, generator: new Generator(3)).requires_grad_();
        Tensor weights = randn(4, 5, generator: new Generator(4));

        // Same noise for the straight-through sample and the analytic gradient.
        Tensor noise = GumbelSoftmax.Noise(logits, new Generator(5));
        Tensor sample = GumbelSoftmax.StraightThrough(logits, Blocks, tau, new Generator(5));
        (sample * weights).sum().backward();

        Tensor expected = zeros(4, 5);
        long offset = 0;
        foreach (int size in Blocks)
        {
            Tensor soft = ((logits.detach() + noise).narrow(1, offset, size) / tau).softmax(1);
            Tensor w = weights.narrow(1, offset, size);
            Tensor gradient = soft * (w - (soft * w).sum(1, keepdim: true)) / tau;
            expected.narrow(1, offset, size).copy_(gradient);
            offset += size;
        }

        Assert.True(logits.grad!.allclose(expected, rtol: 1e-4, atol: 1e-6));
    }

    [Fact]
    public void Sampling_follows_the_softmax_of_the_logits()
    {
        using IDisposable scope = NewDisposeScope();
        Tensor logits = tensor(new float[] { 0.0f, 1.0f, 2.0f, 0.0f, 0.0f }).expand(20000, 5);

        Tensor choices = GumbelSoftmax.Sample(logits, Blocks, new Generator(6));

        double[] expected = softmax(tensor(new float[] { 0, 1, 2 }), 0).data<float>().Select(v => (double)v).ToArray();
        for (int choice = 0; choice < 3; choice++)
        {
            double frequency = choices.select(1, 0).eq(choice).to_type(ScalarType.Float64).mean().item<double>();
            Assert.InRange(frequency, expected[choice] - 0.015, expected[choice] + 0.015);
        }

        Assert.InRange(choices.select(1, 1).to_type(ScalarType.Float64).mean().item<double>(), 0.485, 0.515);
    }
}
