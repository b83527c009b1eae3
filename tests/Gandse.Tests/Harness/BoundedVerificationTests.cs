using Gandse.CostModels.Systolic;
using Gandse.Conditions;
using Gandse.Config;
using Gandse.Harness;
using Gandse.Spaces;
using Gandse.Tasks;
using Gandse.Workloads;
using Gandse.Tasks.Systolic;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Gandse.Tests.Harness;

/// <summary>Checking only the candidates that could rank must rank exactly as checking every one.</summary>
public sealed class BoundedVerificationTests
{
    [Theory]
    [InlineData(false, 1, 0)]
    [InlineData(false, 3, 1)]
    [InlineData(true, 1, 2)]
    [InlineData(true, 4, 3)]
    public void RanksAsAFullCheckDoes(bool latencyTarget, int count, int seed)
    {
        using IDisposable scope = NewDisposeScope();
        var task = new SystolicGemmTask(latencyTarget, new DataConfig());
        var random = new Random(seed);
        List<Condition> conditions = Enumerable.Range(0, 6).Select(q => SystolicConditions.Of(
            new Gemm(Dim(random), Dim(random), Dim(random)),
            new[] { 1.0, 4, 16, 64 }[random.Next(4)], new long[] { 64, 1024, 16384 }[random.Next(3)], new double[] { 24, 384, 6144 }[random.Next(3)],
            targetLatency: latencyTarget ? Math.Pow(10, 3 + (3 * random.NextDouble())) : null)).ToList();
        Tensor candidates = Candidates(task.Space, random, conditions.Count, 300);
        var values = task.ConditionValues(conditions);

        CandidateEvaluation full = task.Evaluate(values, candidates);
        (CandidateEvaluation bounded, long checkedCount, _) = BoundedVerification.Evaluate(task, values, candidates, count, firstBatch: 1);

        IReadOnlyList<IReadOnlyList<RankedCandidate>> expected = CandidateRanking.Rank(task, full, candidates, count);
        IReadOnlyList<IReadOnlyList<RankedCandidate>> actual = CandidateRanking.Rank(task, bounded, candidates, count);
        for (int q = 0; q < conditions.Count; q++)
        {
            Assert.Equal(expected[q].Select(c => c.Design), actual[q].Select(c => c.Design));
            Assert.Equal(expected[q].Select(c => c.Feasible), actual[q].Select(c => c.Feasible));
            for (int i = 0; i < expected[q].Count; i++)
            {
                Assert.Equal(expected[q][i].Metrics, actual[q][i].Metrics);
            }
        }

        Assert.InRange(checkedCount, 1, conditions.Count * 300);
    }

    [Fact]
    public void ChecksFewerCandidatesWhenBoundsSettleThem()
    {
        using IDisposable scope = NewDisposeScope();
        var task = new SystolicGemmTask(false, new DataConfig());
        var conditions = new[] { SystolicConditions.Of(new Gemm(1024, 1024, 1024), 16, 16384, 6144) };
        Tensor candidates = Candidates(task.Space, new Random(5), 1, 1024);

        (_, long checkedCount, _) = BoundedVerification.Evaluate(task, task.ConditionValues(conditions), candidates, 1);

        Assert.InRange(checkedCount, 1, 1023);
    }

    [Theory]
    [InlineData(true, 1)]
    [InlineData(true, 3)]
    [InlineData(false, 1)]
    public void RanksNetworksAsAFullCheckDoes(bool completeMappings, int count)
    {
        using IDisposable scope = NewDisposeScope();
        var task = new SystolicNetworkTask(new DataConfig { MaxLayers = 4 });
        var random = new Random(count);
        List<Condition> conditions = Enumerable.Range(0, 3).Select(q => task.Query(
            new Network($"n{q}", Enumerable.Range(0, 1 + random.Next(4)).Select(l => new NetworkLayer($"l{l}", new Gemm(Dim(random), Dim(random), Dim(random)), 1 + random.Next(3))).ToList()),
            new long[] { 256, 4096 }[random.Next(2)], new double[] { 96, 1536 }[random.Next(2)], new[] { 4.0, 16 }[random.Next(2)], null)).ToList();
        Tensor candidates = Candidates(task.Space, random, conditions.Count, 200);
        var values = task.ConditionValues(conditions);

        Tensor completed = completeMappings ? task.CompleteMappings(values, candidates) : candidates;
        IReadOnlyList<IReadOnlyList<RankedCandidate>> expected = CandidateRanking.Rank(task, task.Evaluate(values, completed), completed, count);
        (CandidateEvaluation bounded, long checkedCount, Tensor checkedCandidates) =
            BoundedVerification.Evaluate(task, values, candidates, count, completeMappings, firstBatch: 1);
        IReadOnlyList<IReadOnlyList<RankedCandidate>> actual = CandidateRanking.Rank(task, bounded, checkedCandidates, count);

        for (int q = 0; q < conditions.Count; q++)
        {
            Assert.Equal(expected[q].Select(c => c.Design), actual[q].Select(c => c.Design));
            for (int i = 0; i < expected[q].Count; i++)
            {
                Assert.Equal(expected[q][i].Metrics, actual[q][i].Metrics);
            }
        }

        Assert.InRange(checkedCount, 1, conditions.Count * 200);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void RanksAsAFullCheckDoesWithMoreCandidatesThanOneSlice(bool network)
    {
        // Bounds are computed a slice of CandidateChunks.Size candidates at a time and exact batches stop growing
        // there: the joined slices must rank as one full check does, including when the bound ties force a check of all.
        using IDisposable scope = NewDisposeScope();
        IDseTask task = network ? new SystolicNetworkTask(new DataConfig { MaxLayers = 3 }) : new SystolicGemmTask(false, new DataConfig());
        var random = new Random(11);
        Workload workload = network
            ? new Network("n", new[] { new NetworkLayer("a", new Gemm(300, 70, 900), 2), new NetworkLayer("b", new Gemm(49, 512, 4608), 1) })
            : new Gemm(700, 300, 90);
        var conditions = new[] { task.Query(workload, new Dictionary<string, double> { [SystolicConditions.MacBudget] = 4096 }) };
        int perQuery = (2 * Gandse.Tensors.CandidateChunks.Size) + 37;
        Tensor candidates = Candidates(task.Space, random, 1, perQuery);
        var values = task.ConditionValues(conditions);

        Tensor completed = network ? task.CompleteMappings(values, candidates) : candidates;
        IReadOnlyList<RankedCandidate> expected = CandidateRanking.Rank(task, task.Evaluate(values, completed), completed, 5)[0];
        (CandidateEvaluation bounded, _, Tensor checkedCandidates) = BoundedVerification.Evaluate(task, values, candidates, 5, network, firstBatch: 1);
        IReadOnlyList<RankedCandidate> actual = CandidateRanking.Rank(task, bounded, checkedCandidates, 5)[0];

        Assert.Equal(perQuery, bounded.Feasible.shape[1]);
        Assert.Equal(expected.Select(c => c.Design), actual.Select(c => c.Design));
        Assert.Equal(expected.Select(c => c.Metrics[SystolicMetricNames.TotalCycles]), actual.Select(c => c.Metrics[SystolicMetricNames.TotalCycles]));
    }

    /// <summary>Random designs, half from a narrow middle (two choices per parameter) so ties and duplicates occur.</summary>
    private static Tensor Candidates(DesignSpace space, Random random, int queries, int perQuery)
    {
        var rows = new long[queries * perQuery * space.Parameters.Count];
        for (int c = 0; c < queries * perQuery; c++)
        {
            bool narrow = random.Next(2) == 0;
            for (int p = 0; p < space.Parameters.Count; p++)
            {
                int choices = space.Parameters[p].Count;
                rows[(c * space.Parameters.Count) + p] = narrow ? (choices / 2) + random.Next(2) : random.Next(choices);
            }
        }

        return tensor(rows, new long[] { queries, perQuery, space.Parameters.Count });
    }

    private static long Dim(Random random) => (long)Math.Round(Math.Pow(2, 4 + (8 * random.NextDouble())));
}
