using Gandse.Conditions;
using Gandse.Config;
using Gandse.Methods.Baselines;
using Gandse.Tasks;
using Gandse.Workloads;
using Gandse.Tasks.Systolic;
using TorchSharp;
using static TorchSharp.torch;

namespace Gandse.Tests.Methods.Baselines;

public class SearchBaselineTests
{
    private static readonly SystolicGemmTask Task = new(latencyTarget: false, new DataConfig());
    private static readonly Condition[] Queries =
    {
        Task.Query(new Gemm(512, 256, 1024), 1024, 384, 4, null),
        Task.Query(new Gemm(64, 2048, 128), 4096, 1536, 16, null),
    };

    [Fact]
    public void Random_search_proposes_valid_choice_indices_within_the_budget()
    {
        using IDisposable scope = NewDisposeScope();
        Tensor designs = new RandomSearch(Task, 1).Propose(Queries, 100);

        Assert.Equal(new long[] { 2, 100, 6 }, designs.shape);
        for (int p = 0; p < 6; p++)
        {
            Assert.InRange(designs.select(-1, p).max().item<long>(), 0, Task.Space.Parameters[p].Count - 1);
            Assert.True(designs.select(-1, p).min().item<long>() >= 0);
        }
    }

    [Fact]
    public void Evolution_spends_exactly_the_budget_and_improves_on_its_first_generation()
    {
        using IDisposable scope = NewDisposeScope();
        Tensor designs = new EvolutionarySearch(Task, new Gandse.Config.EvolutionarySettings { Population = 32 }, 2).Propose(Queries, 512);

        Assert.Equal(new long[] { 2, 512, 6 }, designs.shape);
        Tensor fitness = Fitness.Of(Task, Task.Evaluate(Task.ConditionValues(Queries), designs));
        Tensor first = fitness.narrow(1, 0, 32).amax(new long[] { 1 });
        Tensor overall = fitness.amax(new long[] { 1 });
        Assert.True((overall >= first).all().item<bool>());
        Assert.True((fitness.narrow(1, 480, 32).mean(new long[] { 1 }) > fitness.narrow(1, 0, 32).mean(new long[] { 1 })).all().item<bool>());
    }

    [Fact]
    public void Per_query_reinforce_concentrates_on_better_designs()
    {
        using IDisposable scope = NewDisposeScope();
        Tensor designs = new RlSearch(Task, new Gandse.Config.RlSearchSettings { Batch = 32, Lr = 0.01, EntropyBonus = 0.05 }, 3).Propose(Queries.Take(1).ToList(), 640);

        Tensor fitness = Fitness.Of(Task, Task.Evaluate(Task.ConditionValues(Queries.Take(1).ToList()), designs)).squeeze(0);
        Assert.True(fitness.narrow(0, 576, 64).mean().item<float>() > fitness.narrow(0, 0, 64).mean().item<float>());
    }

    [Fact]
    public void Fitness_prefers_feasible_cheaper_designs()
    {
        using IDisposable scope = NewDisposeScope();
        Tensor designs = Task.Space.IndexTensor(new[]
        {
            Task.Space.Parse(new Dictionary<string, string> { ["rows"] = "32", ["cols"] = "32" }, Gandse.CostModels.Systolic.SystolicSpace.Defaults),
            Task.Space.Parse(new Dictionary<string, string> { ["rows"] = "2", ["cols"] = "2" }, Gandse.CostModels.Systolic.SystolicSpace.Defaults),
            Task.Space.Parse(new Dictionary<string, string> { ["rows"] = "512", ["cols"] = "512" }, Gandse.CostModels.Systolic.SystolicSpace.Defaults),
        }).unsqueeze(0);

        float[] fitness = Fitness.Of(Task, Task.Evaluate(Task.ConditionValues(Queries.Take(1).ToList()), designs)).data<float>().ToArray();

        Assert.True(fitness[0] > fitness[1]);
        Assert.True(fitness[0] > fitness[2] + Fitness.InfeasiblePenalty - 1);
    }
}
