using Gandse.Conditions;
using Gandse.Config;
using Gandse.Harness;
using Gandse.Methods.Baselines;
using Gandse.Tasks;
using Gandse.Workloads;
using Gandse.Tasks.Systolic;
using TorchSharp;
using static TorchSharp.torch;

namespace Gandse.Tests.Harness;

public class CandidateRankingTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_tensor_pick_of_the_best_equals_the_head_of_the_full_ranking(bool latencyTarget)
    {
        var task = new SystolicGemmTask(latencyTarget, new DataConfig());
        var random = new Random(7);
        List<Condition> conditions = Enumerable.Range(0, 40).Select(i => task.Query(
            new Gemm(random.Next(1, 3000), random.Next(1, 3000), random.Next(1, 3000)),
            new[] { 4.0, 64, 1024 }[i % 3],
            new[] { 3.0, 96, 1536 }[i % 3],
            new[] { 1.0, 16 }[i % 2],
            latencyTarget ? random.Next(1_000, 2_000_000) : null)).ToList();

        using IDisposable scope = NewDisposeScope();
        Tensor candidates = new RandomSearch(task, 3).Propose(conditions, 200);
        CandidateEvaluation evaluation = task.Evaluate(task.ConditionValues(conditions), candidates);

        IReadOnlyList<IReadOnlyList<RankedCandidate>> best = CandidateRanking.Rank(task, evaluation, candidates, 1);
        IReadOnlyList<IReadOnlyList<RankedCandidate>> sorted = CandidateRanking.Rank(task, evaluation, candidates, 2);

        Assert.Contains(best, b => !b[0].Feasible);
        Assert.Contains(best, b => b[0].Feasible);
        for (int q = 0; q < conditions.Count; q++)
        {
            Assert.Equal(sorted[q][0].Design, best[q][0].Design);
            Assert.Equal(sorted[q][0].Feasible, best[q][0].Feasible);
            Assert.Equal(sorted[q][0].Metrics, best[q][0].Metrics);
        }
    }

    [Fact]
    public void A_top_k_lists_one_design_per_outcome_the_smallest_first()
    {
        var task = new SystolicGemmTask(false, new DataConfig());
        Condition query = task.Query(new Gemm(512, 1024, 256), 4096, 6144, 10, null);
        using IDisposable scope = NewDisposeScope();
        // The same array and dataflow with buffers far beyond what the GEMM needs: same cycles and energy, more area.
        Tensor candidates = task.Space.IndexTensor(new[] { "2048,2048,2048", "256,512,2048", "512,512,2048" }
            .Select(b => b.Split(','))
            .Select(b => task.Space.Parse(new Dictionary<string, string> { ["rows"] = "64", ["cols"] = "64", ["dataflow"] = "is", ["ifmap_sram_kb"] = b[0], ["filter_sram_kb"] = b[1], ["ofmap_sram_kb"] = b[2] }, new Dictionary<string, string>()))
            .Append(task.Space.Parse(new Dictionary<string, string> { ["rows"] = "32", ["cols"] = "32", ["dataflow"] = "os", ["ifmap_sram_kb"] = "64", ["filter_sram_kb"] = "64", ["ofmap_sram_kb"] = "64" }, new Dictionary<string, string>()))
            .ToList()).unsqueeze(0);
        CandidateEvaluation evaluation = task.Evaluate(task.ConditionValues(new[] { query }), candidates);
        double[] cycles = evaluation.Metrics["total_cycles"].reshape(-1).data<double>().ToArray();
        Assert.True(cycles[0] == cycles[1] && cycles[1] == cycles[2], "the three buffer variants must tie for this test to mean anything");

        IReadOnlyList<RankedCandidate> top = CandidateRanking.Rank(task, evaluation, candidates, 4)[0];
        RankedCandidate best = CandidateRanking.Rank(task, evaluation, candidates, 1)[0][0];

        Assert.Equal(2, top.Count);
        Assert.Equal(task.Space.Designs(candidates.narrow(1, 1, 1).squeeze(0))[0], top[0].Design);
        Assert.Equal(top[0].Design, best.Design);
        Assert.NotEqual(top[0].Metrics["total_cycles"], top[1].Metrics["total_cycles"]);
    }
}
