using Gandse.CostModels.Systolic;
using Gandse.Spaces;
using Gandse.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace Gandse.Tests.Spaces;

public class DesignSpaceTests
{
    private static readonly DesignSpace Space = SystolicSpace.Create();

    [Fact]
    public void The_systolic_space_has_518400_designs()
    {
        Assert.Equal(518_400, (long)Space.Size);
        Assert.Equal(10 + 10 + 3 + 12 + 12 + 12, Space.OneHotWidth);
    }

    [Fact]
    public void Flat_indices_round_trip_with_the_first_parameter_most_significant()
    {
        var design = new Design(new[] { 3, 4, 2, 0, 11, 5 });
        System.Numerics.BigInteger flat = Space.FlatIndex(design);

        Assert.Equal(design, Space.FromFlatIndex(flat));
        Assert.Equal(new Design(new[] { 0, 0, 0, 0, 0, 1 }), Space.FromFlatIndex(1));
        Assert.Equal(new Design(new[] { 1, 0, 0, 0, 0, 0 }), Space.FromFlatIndex(51_840));
    }

    [Fact]
    public void One_hot_encoding_round_trips_through_arg_max()
    {
        var designs = new[] { new Design(new[] { 0, 9, 1, 3, 11, 0 }), new Design(new[] { 5, 5, 2, 7, 7, 7 }) };
        using Tensor indices = Space.IndexTensor(designs);
        using Tensor oneHot = Space.OneHot(indices);

        Assert.Equal(new long[] { 2, Space.OneHotWidth }, oneHot.shape);
        Assert.Equal(6.0f * 2, oneHot.sum().item<float>());
        Assert.Equal(designs, Space.Designs(Space.FromOneHot(oneHot)));
    }

    [Fact]
    public void Values_look_up_each_choice()
    {
        var design = new Design(new[] { 3, 0, 1, 6, 0, 11 });
        using IDisposable scope = NewDisposeScope();
        ValueBatch values = Space.Values(Space.IndexTensor(new[] { design }));

        Assert.Equal(8.0, values[SystolicParameterNames.Rows][0].item<double>());
        Assert.Equal(1.0, values[SystolicParameterNames.Cols][0].item<double>());
        Assert.Equal((double)Dataflow.Ws, values[SystolicParameterNames.Dataflow][0].item<double>());
        Assert.Equal(64.0, values[SystolicParameterNames.IfmapSramKb][0].item<double>());
        Assert.Equal(2048.0, values[SystolicParameterNames.OfmapSramKb][0].item<double>());
    }

    [Fact]
    public void A_grid_flattens_in_flat_index_order()
    {
        using IDisposable scope = NewDisposeScope();
        ValueBatch grid = Space.Grid(new[] { 2, 7 });
        int position = (1 * 1728) + (4 * 144) + (5 * 12) + 9;

        Design decoded = Space.FromFlatIndex(Space.FlatIndex(new Design(new[] { 2, 7, 0, 0, 0, 0 })) + position);

        Assert.Equal(new Design(new[] { 2, 7, 1, 4, 5, 9 }), decoded);
        foreach (Parameter parameter in Space.Parameters)
        {
            Tensor values = grid[parameter.Name].expand(3, 12, 12, 12).reshape(-1);
            Assert.Equal(Space.Value(decoded, parameter.Name), values[position].item<double>());
        }
    }

    [Fact]
    public void Parsing_a_design_fills_in_defaults_and_refuses_values_outside_the_choices()
    {
        Design design = Space.Parse(
            new Dictionary<string, string> { ["rows"] = "16", ["dataflow"] = "WS" }, SystolicSpace.Defaults);

        Assert.Equal("rows=16,cols=32,dataflow=ws,ifmap_sram_kb=64,filter_sram_kb=64,ofmap_sram_kb=64", Space.Format(design));
        UsageException error = Assert.Throws<UsageException>(() => Space.Parse(new Dictionary<string, string> { ["rows"] = "12" }, SystolicSpace.Defaults));
        Assert.Contains("'12'", error.Message);
        Assert.Contains("{1, 2, 4, 8, 16, 32, 64, 128, 256, 512}", error.Message);
    }

    [Fact]
    public void Parsing_values_accepts_any_positive_size_but_names_a_bad_token()
    {
        Dictionary<string, double> values = Space.ParseValues(
            new Dictionary<string, string> { ["rows"] = "12", ["cols"] = "14", ["ifmap_sram_kb"] = "108" }, SystolicSpace.Defaults);

        Assert.Equal(12, values["rows"]);
        Assert.Equal(14, values["cols"]);
        Assert.Contains("'1.5'", Assert.Throws<UsageException>(() => Space.ParseValues(new Dictionary<string, string> { ["rows"] = "1.5" }, SystolicSpace.Defaults)).Message);
        Assert.Contains("'tpu'", Assert.Throws<UsageException>(() => Space.ParseValues(new Dictionary<string, string> { ["dataflow"] = "tpu" }, SystolicSpace.Defaults)).Message);
        Assert.Contains("'banks'", Assert.Throws<UsageException>(() => Space.ParseValues(new Dictionary<string, string> { ["banks"] = "2" }, SystolicSpace.Defaults)).Message);
    }
}
