using Gandse.Spaces;

namespace Gandse.Tests.Spaces;

public class ParameterTests
{
    [Fact]
    public void Powers_of_two_include_both_ends()
    {
        OrdinalParameter parameter = OrdinalParameter.PowersOfTwo("kb", 1, 2048);

        Assert.Equal(12, parameter.Count);
        Assert.Equal(2048, parameter.Value(11));
        Assert.Equal(5, parameter.Parse("32"));
        Assert.Equal(-1, parameter.IndexOfValue(3));
    }

    [Fact]
    public void An_integer_range_maps_indices_to_consecutive_values()
    {
        var parameter = new IntegerRangeParameter("tile", 3, 7);

        Assert.Equal(5, parameter.Count);
        Assert.Equal(3, parameter.Value(0));
        Assert.Equal(4, parameter.Parse("7"));
        Assert.Throws<UsageException>(() => parameter.Parse("8"));
        Assert.Throws<UsageException>(() => parameter.Parse("x"));
    }

    [Fact]
    public void A_categorical_parameter_parses_case_insensitively_and_its_value_is_the_index()
    {
        var parameter = new CategoricalParameter("dataflow", new[] { "os", "ws", "is" });

        Assert.Equal(2, parameter.Parse("IS"));
        Assert.Equal(1, parameter.Value(1));
        Assert.Equal("ws", parameter.Format(1));
        Assert.Contains("allowed: {os, ws, is}", Assert.Throws<UsageException>(() => parameter.Parse("rs")).Message);
    }

    [Fact]
    public void Choices_must_be_distinct_and_ordered()
    {
        Assert.Throws<ArgumentException>(() => new OrdinalParameter("x", new[] { 1.0, 1.0 }));
        Assert.Throws<ArgumentException>(() => new CategoricalParameter("x", new[] { "a", "A" }));
        Assert.Throws<ArgumentException>(() => new IntegerRangeParameter("x", 3, 2));
    }
}
