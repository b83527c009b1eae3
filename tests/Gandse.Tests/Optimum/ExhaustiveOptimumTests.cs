using Gandse.Conditions;
using Gandse.CostModels.Systolic;
using Gandse.Objectives;
using Gandse.Optimum;
using Gandse.Spaces;
using Gandse.Tasks;
using Gandse.Workloads;
using Gandse.Tasks.Systolic;

namespace Gandse.Tests.Optimum;

public class ExhaustiveOptimumTests
{
    private static readonly DesignSpace Space = SystolicSpace.Create();

    public static TheoryData<long, long, long, double, long?, double?> Queries => new()
    {
        { 33, 20, 17, 1, null, 16 },
        { 256, 128, 64, 4, 1024, 96 },
        { 1, 512, 64, 2, 64, 8 },
        { 200, 300, 100, 1, 4096, null },
    };

    public static TheoryData<long, long, long, double, long?, double?> LargeQueries => new()
    {
        { 1024, 1024, 1024, 10, 1024, null },
        { 3136, 64, 576, 4, 4096, 512 },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void The_optimum_equals_a_brute_force_scan_with_the_reference_model(long m, long n, long k, double bandwidth, long? macBudget, double? sramBudget)
    {
        var condition = SystolicConditions.Of(new Gemm(m, n, k), bandwidth, macBudget, sramBudget);

        OptimumResult optimum = new ExhaustiveOptimum(new SystolicCostModel(Space), SystolicObjectives.Latency()).Find(condition.Values());
        (Design best, long feasible) = BruteForce(condition);

        Assert.Equal(feasible, optimum.FeasibleCount);
        Assert.Equal(best, optimum.Design);
    }

    [Theory]
    [MemberData(nameof(LargeQueries))]
    public void The_bounded_search_finds_the_optimum_and_near_set_of_a_full_enumeration(long m, long n, long k, double bandwidth, long? macBudget, double? sramBudget)
    {
        var condition = SystolicConditions.Of(new Gemm(m, n, k), bandwidth, macBudget, sramBudget);
        var model = new SystolicCostModel(Space);

        OptimumResult bounded = new ExhaustiveOptimum(model, SystolicObjectives.Latency()).Find(condition.Values(), null, 16, 0.05);
        OptimumResult full = new ExhaustiveOptimum(new Unbounded(model), SystolicObjectives.Latency()).Find(condition.Values(), null, 16, 0.05);

        Assert.Equal(full.Design, bounded.Design);
        Assert.Equal(full.Metrics, bounded.Metrics);
        Assert.Equal(full.NearOptimal, bounded.NearOptimal);
        Assert.Equal(full.FeasibleCount, bounded.FeasibleCount);
        Assert.True(bounded.EvaluatedCount < full.FeasibleCount / 4, $"{bounded.EvaluatedCount} of {full.FeasibleCount} evaluated");
    }

    /// <summary>The same model without its bounds: the optimum then enumerates every design.</summary>
    private sealed class Unbounded : Gandse.CostModels.ICostModel
    {
        private readonly SystolicCostModel _model;

        public Unbounded(SystolicCostModel model) => _model = model;

        public DesignSpace Space => _model.Space;

        public IReadOnlyList<string> MetricNames => _model.MetricNames;

        public Gandse.Tensors.ValueBatch Evaluate(Gandse.Tensors.ValueBatch designs, Gandse.Tensors.ValueBatch conditions) => _model.Evaluate(designs, conditions);
    }

    [Fact]
    public void Small_chunks_find_the_same_optimum_as_one_grid()
    {
        var condition = SystolicConditions.Of(new Gemm(500, 300, 700), 2, 2048, 256);
        var model = new SystolicCostModel(Space);

        OptimumResult whole = new ExhaustiveOptimum(model, SystolicObjectives.Latency()).Find(condition.Values());
        OptimumResult chunked = new ExhaustiveOptimum(model, SystolicObjectives.Latency(), chunkSize: 2000).Find(condition.Values());

        Assert.Equal(whole.Design, chunked.Design);
        Assert.Equal(whole.FeasibleCount, chunked.FeasibleCount);
        Assert.Equal(whole.Metrics, chunked.Metrics);
    }

    [Fact]
    public void No_feasible_design_is_reported_as_none()
    {
        var condition = SystolicConditions.Of(new Gemm(64, 64, 64), 10, sramBudgetKb: 2);

        OptimumResult optimum = new ExhaustiveOptimum(new SystolicCostModel(Space), SystolicObjectives.Latency()).Find(condition.Values());

        Assert.False(optimum.Found);
        Assert.Equal(0, optimum.FeasibleCount);
    }

    [Fact]
    public void Fixed_choices_restrict_the_search()
    {
        var condition = SystolicConditions.Of(new Gemm(1024, 1024, 1024), 10, 1024);
        var fixedChoices = new Dictionary<string, int> { ["dataflow"] = (int)Dataflow.Ws, ["rows"] = 3 };

        OptimumResult optimum = new ExhaustiveOptimum(new SystolicCostModel(Space), SystolicObjectives.Latency()).Find(condition.Values(), fixedChoices);

        Assert.Equal((double)Dataflow.Ws, Space.Value(optimum.Design!, "dataflow"));
        Assert.Equal(8, Space.Value(optimum.Design!, "rows"));
        Assert.Equal(8 * 12 * 12 * 12, optimum.FeasibleCount);
    }

    [Fact]
    public void The_cheapest_design_meeting_a_latency_target_meets_it_with_least_area()
    {
        var condition = SystolicConditions.Of(new Gemm(128, 256, 128), 10, 4096, targetLatency: 20_000);
        Objective objective = SystolicObjectives.CheapestMeetingLatency();

        OptimumResult optimum = new ExhaustiveOptimum(new SystolicCostModel(Space), objective).Find(condition.Values());
        (Design best, _) = BruteForce(condition, objective);

        Assert.True(optimum.Metrics![SystolicMetricNames.TotalCycles] <= 20_000);
        Assert.Equal(best, optimum.Design);
    }

    /// <summary>Every design through the scalar reference model, keeping the first least (cost, energy) tuple.</summary>
    private static (Design Best, long Feasible) BruteForce(Condition condition, Objective? objective = null)
    {
        var reference = new SystolicReferenceModel();
        Gemm gemm = condition.Workload.Gemms[0];
        bool latencyObjective = objective is null || objective.Name == "latency";
        Design? best = null;
        (double, double) bestKey = (double.PositiveInfinity, double.PositiveInfinity);
        long feasible = 0;
        for (long flat = 0; flat < (long)Space.Size; flat++)
        {
            Design design = Space.FromFlatIndex(flat);
            var hardware = new SystolicHardware(
                (long)Space.Value(design, "rows"), (long)Space.Value(design, "cols"), (Dataflow)(int)Space.Value(design, "dataflow"),
                Space.Value(design, "ifmap_sram_kb"), Space.Value(design, "filter_sram_kb"), Space.Value(design, "ofmap_sram_kb"));
            SystolicMetrics metrics = reference.Evaluate(hardware, gemm, condition[SystolicConditions.DramBandwidth]);
            bool ok = hardware.PeCount <= condition[SystolicConditions.MacBudget]
                && hardware.TotalSramKb <= condition[SystolicConditions.SramBudgetKb]
                && metrics.TotalCycles <= condition[SystolicConditions.TargetLatency];
            if (!ok)
            {
                continue;
            }

            feasible++;
            (double, double) key = latencyObjective ? (metrics.TotalCycles, metrics.Energy) : (metrics.Area, metrics.Energy);
            if (key.CompareTo(bestKey) < 0)
            {
                (best, bestKey) = (design, key);
            }
        }

        return (best!, feasible);
    }
}
