using Gandse.Harness;
using Gandse.Methods.Gan;
using Gandse.Workloads;

namespace Gandse.Tests.Methods.Gan;

/// <summary>The checkpoints in git load with today's code and answer a query with a feasible design.</summary>
public class ShippedCheckpointsTests
{
    [Theory]
    [InlineData("systolic-gemm", "gemm:M=512,N=1024,K=256", null)]
    [InlineData("systolic-latency-target", "gemm:M=512,N=1024,K=256", 400000.0)]
    [InlineData("systolic-network", "network:resnet18", null)]
    public void A_shipped_checkpoint_loads_and_answers(string experiment, string workload, double? targetLatency)
    {
        TrainedGan gan = TrainedGan.Load(Path.Combine(Repository.Root, "checkpoints", experiment));

        var query = gan.Task.Query(WorkloadParser.Parse(workload), 4096, 1536, 16, targetLatency);
        RankedCandidate best = Scorer.Answer(gan.Task, gan.Method(0), new[] { query }, 64, 1, gan.Config.Generate.CompleteMappings)[0][0];

        Assert.Equal(experiment, gan.Info.Experiment);
        Assert.True(best.Feasible);
    }

    [Theory]
    [InlineData("systolic-gemm")]
    [InlineData("systolic-latency-target")]
    public void The_shipped_gemm_checkpoints_rank_with_their_own_heads(string experiment)
    {
        TrainedGan gan = TrainedGan.Load(Path.Combine(Repository.Root, "checkpoints", experiment));

        Assert.NotNull(gan.Head);
        Assert.Equal("head-spread", gan.Config.Generate.Ranker);
        Assert.Equal(3000, gan.Info.RankingHead!.Conditions);
    }
}
