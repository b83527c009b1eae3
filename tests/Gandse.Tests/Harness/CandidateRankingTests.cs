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
}
