using Gandse.CostModels.Systolic;
using Gandse.Workloads;

namespace Gandse.Tests.CostModels.Systolic;

public class SystolicReferenceModelTests
{
    private static readonly Gemm Example = new(33, 20, 17);
    private static readonly SystolicReferenceModel Model = new();

    private static SystolicHardware Array8x8(Dataflow dataflow, double ifmapKb = 64, double filterKb = 64, double ofmapKb = 64) =>
        new(8, 8, dataflow, ifmapKb, filterKb, ofmapKb);

    [Theory]
    [InlineData(Dataflow.Os, 465, 1683, 1700, 660)]
    [InlineData(Dataflow.Ws, 495, 1683, 340, 1980)]
    [InlineData(Dataflow.Is, 630, 561, 1700, 1980)]
    public void The_scale_sim_v2_example_gives_its_cycles_and_sram_traffic(Dataflow dataflow, long cycles, long ifmapReads, long filterReads, long ofmapWrites)
    {
        SystolicMetrics metrics = Model.Evaluate(Array8x8(dataflow), Example, 10);

        Assert.Equal(cycles, metrics.ComputeCycles);
        Assert.Equal(ifmapReads, metrics.IfmapSramReads);
        Assert.Equal(filterReads, metrics.FilterSramReads);
        Assert.Equal(ofmapWrites, metrics.OfmapSramWrites);
    }

    [Fact]
    public void The_paper_convention_counts_a_full_drain_per_output_stationary_fold()
    {
        var paper = new SystolicReferenceModel(new SystolicOptions(OsFillConvention.Paper));

        Assert.Equal(585, paper.Evaluate(Array8x8(Dataflow.Os), Example, 10).ComputeCycles);
        Assert.Equal(495, paper.Evaluate(Array8x8(Dataflow.Ws), Example, 10).ComputeCycles);
    }

    [Fact]
    public void Operands_that_fit_half_their_buffer_are_fetched_once_and_bandwidth_hides_behind_compute()
    {
        SystolicMetrics metrics = Model.Evaluate(Array8x8(Dataflow.Os), Example, 10);

        Assert.Equal((33 * 17) + (17 * 20), metrics.DramReads);
        Assert.Equal(33 * 20, metrics.DramWrites);
        Assert.Equal(0, metrics.StallCycles);
        Assert.Equal(465, metrics.TotalCycles);
        Assert.Equal(11220.0 / (465 * 64), metrics.Utilization, 12);
    }

    [Fact]
    public void Operands_whose_reuse_does_not_fit_are_refetched_as_often_as_sram_reads_them()
    {
        // Half of 0.125 KB is 64 words < the 8 x 17 ifmap row tile; half of 0.5 KB is 256 words < the 17 x 20 filter.
        SystolicMetrics metrics = Model.Evaluate(Array8x8(Dataflow.Os, ifmapKb: 0.125, filterKb: 0.5), Example, 10);

        Assert.Equal(1683 + 1700, metrics.DramReads);
    }

    [Fact]
    public void Partial_sums_that_do_not_fit_spill_to_dram_and_come_back()
    {
        // ws accumulates every partial sum (33 x 20 = 660 words) across ceil(17 / 8) = 3 row folds; half of 1 KB is 512.
        SystolicMetrics metrics = Model.Evaluate(Array8x8(Dataflow.Ws, ofmapKb: 1), Example, 10);

        Assert.Equal(1980, metrics.DramWrites);
        Assert.Equal(561 + 340 + (1980 - 660), metrics.DramReads);
    }

    [Fact]
    public void Dram_time_beyond_compute_time_stalls_the_array()
    {
        SystolicMetrics metrics = Model.Evaluate(Array8x8(Dataflow.Os), Example, 0.5);

        Assert.Equal((901 + 660) * 2 - 465, metrics.StallCycles);
        Assert.Equal((901 + 660) * 2, metrics.TotalCycles);
    }

    [Fact]
    public void Energy_and_area_follow_the_documented_constants()
    {
        SystolicMetrics metrics = Model.Evaluate(Array8x8(Dataflow.Os), Example, 10);

        double expectedEnergy = (11220 * (1 + (2 * 2))) + ((1683 + 1700 + 660) * 6) + ((901 + 660) * 200);
        double expectedArea = (64 * 4470) + (192 * 1024 / 32768.0 * 4161.536);
        Assert.Equal(expectedEnergy, metrics.Energy, 9);
        Assert.Equal(expectedArea, metrics.Area, 9);
    }

    [Theory]
    [InlineData(Dataflow.Os, 1)]
    [InlineData(Dataflow.Ws, 2)]
    [InlineData(Dataflow.Is, 2)]
    public void A_one_by_one_gemm_on_a_single_pe(Dataflow dataflow, long cycles)
    {
        SystolicMetrics metrics = Model.Evaluate(new SystolicHardware(1, 1, dataflow, 1, 1, 1), new Gemm(1, 1, 1), 1);

        Assert.Equal(cycles, metrics.ComputeCycles);
        Assert.Equal(1, metrics.IfmapSramReads);
        Assert.Equal(1, metrics.FilterSramReads);
        Assert.Equal(1, metrics.OfmapSramWrites);
    }

    [Fact]
    public void An_array_larger_than_the_operands_takes_one_fold_and_pays_its_full_fill()
    {
        SystolicMetrics metrics = Model.Evaluate(new SystolicHardware(512, 512, Dataflow.Os, 64, 64, 64), new Gemm(2, 2, 2), 10);

        Assert.Equal(512 + 512 + 2 - 2, metrics.ComputeCycles);
        Assert.Equal(8.0 / (1024.0 * 512 * 512), metrics.Utilization, 15);
    }

    [Fact]
    public void Sizes_outside_the_search_space_are_evaluated_too()
    {
        SystolicMetrics eyeriss = Model.Evaluate(new SystolicHardware(12, 14, Dataflow.Ws, 108, 108, 108), new Gemm(3136, 64, 576), 16);

        Assert.Equal(((2 * 12) + 14 + 3136 - 2) * 48L * 5, eyeriss.ComputeCycles);
    }
}
