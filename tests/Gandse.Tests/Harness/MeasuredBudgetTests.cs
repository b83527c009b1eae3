using Gandse.Conditions;
using Gandse.Config;
using Gandse.CostModels;
using Gandse.Harness;
using Gandse.Tasks.Systolic;
using Gandse.Tensors;
using Gandse.Workloads;
using TorchSharp;
using static TorchSharp.torch;

namespace Gandse.Tests.Harness;

public class MeasuredBudgetTests
{
    private static readonly SystolicGemmTask Gemm = new(false, new DataConfig());

    [Fact]
    public void A_one_shot_method_that_repeats_itself_is_asked_again_until_it_has_the_budget_in_distinct_designs()
    {
        using IDisposable scope = NewDisposeScope();
        (ValueBatch values, Tensor pool) = Setup(12);
        int round = 0;
        // Each round proposes 4 designs of which only 2 are new: rows 2r and 2r + 1, each twice.
        Tensor Propose() { Tensor p = pool.narrow(1, 2 * round++, 2); return cat(new[] { p, p }, 1); }

        using EvaluationLedger ledger = EvaluationLedger.Open();
        Tensor kept = MeasuredBudget.Fill(Propose, ledger, values, budget: 5, maxRounds: 8, out int rounds);

        Assert.Equal(3, rounds);
        Assert.Equal(new long[] { 1, 5, pool.shape[2] }, kept.shape);
        Assert.Equal(pool.narrow(1, 0, 5).to_type(ScalarType.Int64).contiguous().data<long>().ToArray(), kept.to_type(ScalarType.Int64).contiguous().data<long>().ToArray());
    }

    [Fact]
    public void The_top_up_stops_at_the_round_limit_and_when_a_round_brings_nothing_new()
    {
        using IDisposable scope = NewDisposeScope();
        (ValueBatch values, Tensor pool) = Setup(4);
        using EvaluationLedger ledger = EvaluationLedger.Open();

        Tensor same = MeasuredBudget.Fill(() => pool.narrow(1, 0, 2), ledger, values, budget: 4, maxRounds: 8, out int sameRounds);
        Assert.Equal(2, sameRounds);
        Assert.Equal(2, same.shape[1]);

        int round = 0;
        Tensor limited = MeasuredBudget.Fill(() => pool.narrow(1, round++, 1), ledger, values, budget: 4, maxRounds: 2, out int limitedRounds);
        Assert.Equal(2, limitedRounds);
        Assert.Equal(2, limited.shape[1]);
    }

    [Fact]
    public void A_search_that_evaluated_while_proposing_is_asked_once()
    {
        using IDisposable scope = NewDisposeScope();
        (ValueBatch values, Tensor pool) = Setup(4);
        using EvaluationLedger ledger = EvaluationLedger.Open();
        Tensor Search()
        {
            Gemm.Evaluate(values, pool.narrow(1, 0, 2));
            return pool.narrow(1, 0, 2);
        }

        Tensor kept = MeasuredBudget.Fill(Search, ledger, values, budget: 4, maxRounds: 8, out int rounds);

        Assert.Equal(1, rounds);
        Assert.Equal(2, kept.shape[1]);
        Assert.Equal(2, ledger.CountOf(values).Designs);
    }

    private static (ValueBatch Values, Tensor Pool) Setup(int designs)
    {
        Condition query = Gemm.Query(new Gemm(256, 128, 512), 1024, 384, 16, null);
        Tensor pool = Gemm.Space.RandomIndices(new long[] { 1, designs }, new Generator(3));
        var keys = new HashSet<string>();
        for (int i = 0; i < designs; i++)
        {
            Assert.True(keys.Add(string.Join(',', pool[0, i].data<long>().ToArray())), "the pool's designs must be distinct");
        }

        return (Gemm.ConditionValues(new[] { query }), pool);
    }
}
