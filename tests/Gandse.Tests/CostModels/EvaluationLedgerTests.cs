using Gandse.Conditions;
using Gandse.Config;
using Gandse.CostModels;
using Gandse.Harness;
using Gandse.Methods;
using Gandse.Tasks;
using Gandse.Tensors;
using Gandse.Workloads;
using Gandse.Tasks.Systolic;
using TorchSharp;
using static TorchSharp.torch;

namespace Gandse.Tests.CostModels;

public class EvaluationLedgerTests
{
    private static readonly SystolicGemmTask Gemm = new(false, new DataConfig());

    [Fact]
    public void Verification_charges_each_distinct_design_once()
    {
        using IDisposable scope = NewDisposeScope();
        Condition query = Gemm.Query(new Gemm(256, 128, 512), 1024, 384, 16, null);
        var method = new Fixed(Designs(Gemm, 6, duplicateOf: new[] { -1, -1, 0, -1, 1, -1 }));

        using EvaluationLedger ledger = EvaluationLedger.Open();
        Scorer.Verify(Gemm, method, new[] { query }, 6, completeMappings: false);

        EvaluationCount calls = Scorer.Charges(ledger, Gemm.ConditionValues(new[] { query }), 1)[0];
        Assert.Equal(4, calls.Designs);
        Assert.Equal(4, calls.Layers);
    }

    [Fact]
    public void Evaluations_a_method_makes_while_proposing_are_charged_and_not_charged_again_at_verification()
    {
        using IDisposable scope = NewDisposeScope();
        Condition query = Gemm.Query(new Gemm(64, 2048, 128), 4096, 1536, 4, null);
        Tensor all = Designs(Gemm, 5, duplicateOf: new[] { -1, -1, -1, -1, -1 });
        var searching = new Searching(Gemm, all, searched: 3);

        using EvaluationLedger ledger = EvaluationLedger.Open();
        Scorer.Verify(Gemm, searching, new[] { query }, 5, completeMappings: false);

        Assert.Equal(5, Scorer.Charges(ledger, Gemm.ConditionValues(new[] { query }), 1)[0].Designs);
    }

    [Fact]
    public void Two_queries_in_one_batch_are_charged_apart()
    {
        using IDisposable scope = NewDisposeScope();
        Condition[] queries = { Gemm.Query(new Gemm(64, 64, 64), 1024, 384, 16, null), Gemm.Query(new Gemm(64, 64, 64), 256, 384, 16, null) };
        Tensor designs = cat(new[] { Designs(Gemm, 3, new[] { -1, -1, -1 }), Designs(Gemm, 3, new[] { -1, 0, 0 }) }, 0);

        using EvaluationLedger ledger = EvaluationLedger.Open();
        ValueBatch values = Gemm.ConditionValues(queries);
        Gemm.Evaluate(values, designs);

        IReadOnlyList<EvaluationCount> calls = Scorer.Charges(ledger, values, 2);
        Assert.Equal(new long[] { 3, 1 }, calls.Select(c => c.Designs));
    }

    [Fact]
    public void Mapping_completion_charges_every_real_layer_under_each_dataflow_and_verification_reuses_those_runs()
    {
        using IDisposable scope = NewDisposeScope();
        var task = new SystolicNetworkTask(new DataConfig { MaxLayers = 4 });
        var network = new Network("pair", new[] { new NetworkLayer("a", new Gemm(300, 64, 576)), new NetworkLayer("b", new Gemm(49, 512, 4608), 2) });
        Condition query = task.Query(network, 4096, 1536, 16, null);
        Tensor two = Designs(task, 2, new[] { -1, -1 });
        two[0, 0, 0] = 0;
        two[0, 1, 0] = 1;  // different rows, so different hardware

        using EvaluationLedger ledger = EvaluationLedger.Open();
        Scorer.Verify(task, new Fixed(two), new[] { query }, 2, completeMappings: true);

        EvaluationCount calls = Scorer.Charges(ledger, task.ConditionValues(new[] { query }), 1)[0];
        Assert.Equal(2, calls.Designs);
        Assert.Equal(2 * 2 * 3, calls.Layers);
    }

    [Fact]
    public void Nothing_is_charged_without_an_open_ledger()
    {
        using IDisposable scope = NewDisposeScope();
        Condition query = Gemm.Query(new Gemm(64, 64, 64), 1024, 384, 16, null);
        Gemm.Evaluate(Gemm.ConditionValues(new[] { query }), Designs(Gemm, 3, new[] { -1, -1, -1 }));

        Assert.Null(EvaluationLedger.Current);
        using EvaluationLedger ledger = EvaluationLedger.Open();
        Assert.Equal(0, ledger.QueryCount);
    }

    /// <summary>[1, N, P] random designs; entry i ≥ 0 of <paramref name="duplicateOf"/> makes design i a copy of that one.</summary>
    private static Tensor Designs(IDseTask task, int count, int[] duplicateOf)
    {
        Tensor designs = task.Space.RandomIndices(new long[] { 1, count }, new Generator(7));
        for (int i = 0; i < count; i++)
        {
            if (duplicateOf[i] >= 0)
            {
                designs[0, i] = designs[0, duplicateOf[i]].clone();
            }
        }

        return designs;
    }

    private sealed class Fixed(Tensor designs) : IMethod
    {
        public string Name => "fixed";

        public Tensor Propose(IReadOnlyList<Condition> conditions, int candidates) => designs;
    }

    /// <summary>Evaluates its first <paramref name="searched"/> designs while proposing, as a search does, then proposes them all.</summary>
    private sealed class Searching(IDseTask task, Tensor designs, int searched) : IMethod
    {
        public string Name => "searching";

        public Tensor Propose(IReadOnlyList<Condition> conditions, int candidates)
        {
            task.Evaluate(task.ConditionValues(conditions), designs.narrow(1, 0, searched));
            return designs;
        }
    }
}
