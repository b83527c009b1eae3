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
    [InlineData(Dataflow.Os, 465, 1683, 1700, 900)]
    [InlineData(Dataflow.Ws, 495, 1683, 340, 1980)]
    [InlineData(Dataflow.Is, 630, 561, 1700, 1980)]
    public void The_scale_sim_v2_example_gives_its_cycles_and_sram_traffic(Dataflow dataflow, long cycles, long ifmapReads, long filterReads, long ofmapWrites)
    {
        SystolicMetrics metrics = Model.Evaluate(Array8x8(dataflow), Example, 10);

        // os: SCALE-Sim counts R + C extra OFMAP writes per fold (15 folds × 16) beside the 660 outputs.
        Assert.Equal(cycles, metrics.ComputeCycles);
        Assert.Equal(ifmapReads, metrics.IfmapSramReads);
        Assert.Equal(filterReads, metrics.FilterSramReads);
        Assert.Equal(ofmapWrites, metrics.OfmapSramWrites);
    }

    [Fact]
    public void Operands_that_fit_half_their_buffer_are_fetched_once_with_their_padding_and_never_stall()
    {
        SystolicMetrics metrics = Model.Evaluate(Array8x8(Dataflow.Os), Example, 10);

        // os ifmap: 5 row folds of 8 lanes × K = 17 words, the last fold 1 lane full and 7 padded: 680 words.
        // Filter: 3 column folds × 8 × 17 = 408, fetched in whole lines of 10 words: 410.
        Assert.Equal(680, metrics.DramIfmapReads);
        Assert.Equal(410, metrics.DramFilterReads);
        Assert.Equal(660, metrics.DramOfmapWrites);
        Assert.Equal(0, metrics.StallCycles);
        Assert.Equal(465, metrics.TotalCycles);
    }

    [Fact]
    public void Every_ofmap_word_written_goes_to_dram_partial_sums_included_whatever_the_sram()
    {
        // ws writes every partial sum once per row fold: 33 × 20 × ⌈17 / 8⌉ = 1,980, even with 2 MB to hold them.
        Assert.Equal(1980, Model.Evaluate(Array8x8(Dataflow.Ws, ofmapKb: 2048), Example, 10).DramOfmapWrites);
        Assert.Equal(1980, Model.Evaluate(Array8x8(Dataflow.Ws, ofmapKb: 1), Example, 10).DramOfmapWrites);
    }

    [Fact]
    public void Dram_reads_equal_the_exact_emulators_on_random_cases()
    {
        foreach (SystolicCases.Case c in SystolicCases.Emulable(seed: 11, count: 250).Concat(SystolicCases.Edge().Where(IsSmall)))
        {
            SystolicMetrics fast = Model.Evaluate(c.Hardware, c.Gemm, c.Bandwidth);
            SystolicMetrics exact = ScaleSimEmulator.Evaluate(c.Hardware, c.Gemm, c.Bandwidth);

            Assert.True(fast.DramIfmapReads == exact.DramIfmapReads, $"ifmap {fast.DramIfmapReads} != {exact.DramIfmapReads}: {c}");
            Assert.True(fast.DramFilterReads == exact.DramFilterReads, $"filter {fast.DramFilterReads} != {exact.DramFilterReads}: {c}");
            Assert.True(Math.Abs(fast.DramOfmapWrites - exact.DramOfmapWrites) <= exact.DramOfmapWrites / 100, $"ofmap {fast.DramOfmapWrites} vs {exact.DramOfmapWrites}: {c}");
        }
    }

    [Fact]
    public void Total_cycles_are_within_ten_percent_of_the_exact_emulators_on_nine_cases_in_ten()
    {
        List<SystolicCases.Case> cases = SystolicCases.Emulable(seed: 12, count: 250).ToList();

        int within = cases.Count(c =>
        {
            double fast = Model.Evaluate(c.Hardware, c.Gemm, c.Bandwidth).TotalCycles;
            double exact = ScaleSimEmulator.Evaluate(c.Hardware, c.Gemm, c.Bandwidth).TotalCycles;
            return Math.Abs((fast / exact) - 1) <= 0.10;
        });

        Assert.True(within >= 0.9 * cases.Count, $"{within} of {cases.Count} within 10 %");
    }

    [Fact]
    public void A_held_tile_larger_than_the_window_costs_a_lap_per_row_it_falls_behind()
    {
        // ws on 32 × 32 with a 1 KB filter SRAM: each 32 × 32 filter tile (1,024 words) is read back to front through
        // a 512-word window, so rows fall behind it and every lap fetches the whole 576 × 64 filter again.
        var hardware = new SystolicHardware(32, 32, Dataflow.Ws, 2048, 1, 2048);
        SystolicMetrics fast = Model.Evaluate(hardware, new Gemm(196, 64, 576), 16);

        Assert.True(fast.DramFilterReads > 10 * fast.FilterSramReads, $"{fast.DramFilterReads} DRAM vs {fast.FilterSramReads} SRAM reads");
        Assert.Equal(ScaleSimEmulator.Evaluate(hardware, new Gemm(196, 64, 576), 16).DramFilterReads, fast.DramFilterReads);
    }

    [Fact]
    public void Energy_and_area_follow_the_documented_constants()
    {
        SystolicMetrics metrics = Model.Evaluate(Array8x8(Dataflow.Os), Example, 10);

        double expectedEnergy = (11220 * (1 + (2 * 2))) + ((1683 + 1700 + 900) * 6) + ((680 + 410 + 660) * 200);
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

    [Theory]
    [InlineData(0.5)]
    [InlineData(2.5)]
    public void Bandwidth_must_be_a_whole_number_of_words_per_cycle(double bandwidth)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Model.Evaluate(Array8x8(Dataflow.Os), Example, bandwidth));
    }

    private static bool IsSmall(SystolicCases.Case c) => SystolicAccounting.ComputeCycles(c.Hardware, c.Gemm) <= 1_000_000;
}
