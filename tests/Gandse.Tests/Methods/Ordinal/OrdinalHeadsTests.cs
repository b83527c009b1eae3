using Gandse.Methods.Ordinal;
using Gandse.Spaces;
using static TorchSharp.torch;

namespace Gandse.Tests.Methods.Ordinal;

public sealed class OrdinalHeadsTests
{
    // An ordered parameter of 5 choices, a categorical one of 3, an ordered one of 4: 4 + 3 + 3 outputs.
    private static readonly DesignSpace Space = new("toy", new Parameter[]
    {
        new IntegerRangeParameter("rows", 1, 5),
        new CategoricalParameter("dataflow", new[] { "os", "ws", "is" }),
        new OrdinalParameter("sram", new[] { 32.0, 64, 128, 256 }),
    });

    [Fact]
    public void Ordered_parameters_are_ones_then_zeros_and_categorical_ones_stay_one_hot()
    {
        var heads = new OrdinalHeads(Space);

        Tensor encoded = heads.Encode(tensor(new long[] { 2, 1, 3 }).unsqueeze(0));

        Assert.Equal(10, heads.Width);
        Assert.Equal(new float[] { 1, 1, 0, 0, 0, 1, 0, 1, 1, 1 }, encoded.data<float>().ToArray());
    }

    [Fact]
    public void Confident_outputs_give_back_the_encoded_design_as_the_most_likely_choice_of_each_parameter()
    {
        var heads = new OrdinalHeads(Space);
        Tensor designs = tensor(new long[] { 0, 0, 0, 4, 2, 3, 2, 1, 1 }).reshape(3, 3);
        // Logits of +-8 where the target is 1 or 0.
        Tensor outputs = (heads.Encode(designs) * 16) - 8;

        IReadOnlyList<Tensor> logp = heads.LogProbabilities(outputs);

        Assert.Equal(3, logp.Count);
        Assert.Equal(new long[] { 3, 5 }, logp[0].shape);
        for (int p = 0; p < 3; p++)
        {
            Assert.True(logp[p].exp().sum(-1).allclose(ones(3), atol: 1e-5));
            Assert.Equal(designs.select(1, p).data<long>().ToArray(), logp[p].argmax(-1).data<long>().ToArray());
        }

        Assert.True(heads.Loss(outputs, heads.Encode(designs)).item<float>() < 0.01);
    }

    [Fact]
    public void Exceedance_chances_that_rise_are_made_non_increasing_so_every_choice_has_a_chance()
    {
        var heads = new OrdinalHeads(Space);
        // rows: P(>0)=0.12, P(>1)=0.88 (inconsistent), then the rest.
        Tensor outputs = tensor(new float[] { -2, 2, -2, -2, 0, 0, 0, 0, 0, 0 }).unsqueeze(0);

        Tensor rows = heads.LogProbabilities(outputs)[0].exp();

        Assert.True(rows.sum().allclose(ones(1).squeeze(), atol: 1e-5));
        Assert.True(rows.min().item<float>() > 0);
        Assert.Equal(0, rows.argmax().item<long>());
    }

    [Fact]
    public void A_soft_target_costs_least_at_its_own_chances()
    {
        var heads = new OrdinalHeads(Space);
        // Two tied optima averaged: rows index 1 or 3.
        Tensor target = (heads.Encode(tensor(new long[] { 1, 0, 0 }).unsqueeze(0)) + heads.Encode(tensor(new long[] { 3, 0, 0 }).unsqueeze(0))) / 2;
        Tensor atTarget = target.clamp(1e-4, 1 - 1e-4).logit();

        float best = heads.Loss(atTarget, target).item<float>();

        Assert.True(best < heads.Loss(atTarget + 0.5f, target).item<float>());
        Assert.True(best < heads.Loss(atTarget - 0.5f, target).item<float>());
    }
}
