using Gandse.Harness;

namespace Gandse.Tests.Harness;

/// <summary>The ablation section calls a change under a tenth of a percent of score no difference, and says which way larger ones go.</summary>
public class AblationVerdictTests
{
    [Theory]
    [InlineData(0.9893, "gan-no-adversarial scores within 0.001 of gan (-0.0002): what it changes makes no measurable difference here.")]
    [InlineData(0.9691, "gan-no-adversarial scores 0.0204 below gan: what it changes matters here.")]
    [InlineData(0.9995, "gan-no-adversarial scores 0.0100 above gan: the change does better than gan's default here")]
    public void The_verdict_follows_the_size_of_the_change(double variantScore, string expected)
    {
        string markdown = AblationSection.Markdown(new[] { Aggregate("gan", 0.9895), Aggregate("gan-no-adversarial", variantScore) }, new[] { 1, 8 });

        Assert.Contains(expected, markdown);
    }

    private static MethodAggregate Aggregate(string method, double score)
    {
        Spread One(double value) => Spread.Of(new[] { value });
        return new MethodAggregate(
            method, 1, One(1), One(score), One(0.5), null, null, One(10), One(20), 8, One(score), One(8), One(8), One(0), One(0), null, null, null,
            new[] { score - 0.1, score }, new[] { score });
    }
}
