using Gandse.CostModels.Systolic;
using Gandse.Conditions;
using Gandse.Config;
using Gandse.Tasks;
using Gandse.Workloads;
using Gandse.Tasks.Systolic;

namespace Gandse.Tests.Tasks;

public class TrainingRangeTests
{
    private static readonly DataConfig Data = new() { DimMin = 16, DimMax = 4096, Draw = new() { ["mac_budget"] = new() { 256, 4096 }, ["sram_budget_kb"] = new() { 96, 6144 }, ["dram_bw"] = new() { 4, 64 } } };

    [Fact]
    public void A_query_inside_the_training_range_gets_no_warning()
    {
        var query = SystolicConditions.Of(new Gemm(16, 4096, 512), 4, 256, 6144);

        Assert.Empty(TrainingRange.Outside(new SystolicGemmTask(false, Data), query));
    }

    [Fact]
    public void Each_value_outside_its_range_is_named_with_the_range()
    {
        var query = SystolicConditions.Of(new Gemm(10000, 64, 8), 128, 1024, 1536);

        Assert.Equal(
            new[] { "M=10000 (trained on 16–4096)", "K=8 (trained on 16–4096)", "dram_bw=128 (trained on 4–64)" },
            TrainingRange.Outside(new SystolicGemmTask(false, Data), query));
    }

    [Fact]
    public void An_unbounded_budget_is_not_out_of_range()
    {
        var query = SystolicConditions.Of(new Gemm(64, 64, 64), 16);

        Assert.Empty(TrainingRange.Outside(new SystolicGemmTask(false, Data), query));
    }
}
