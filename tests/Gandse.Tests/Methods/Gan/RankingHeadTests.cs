using Gandse.Config;
using Gandse.Harness;
using Gandse.Methods.Gan;
using Gandse.Tasks;
using Gandse.Tensors;
using static TorchSharp.torch;

namespace Gandse.Tests.Methods.Gan;

/// <summary>The ranking head: what it learns, how it is stored, and what it refuses.</summary>
public sealed class RankingHeadTests : IClassFixture<GanTrainingTests.TrainedOnce>
{
    private readonly GanTrainingTests.TrainedOnce _trained;

    public RankingHeadTests(GanTrainingTests.TrainedOnce trained)
    {
        _trained = trained;
    }

    [Fact]
    public void A_fitted_head_predicts_exact_latency_better_than_the_bound_alone()
    {
        TrainedGan gan = TrainedGan.Load(_trained.Experiment.Path("ckpt"));
        ExperimentConfig config = _trained.Experiment.Config("train.ranking_head_steps=600", "train.ranking_head_candidates=512", "train.ranking_head_hidden=64", "train.ranking_head_layers=2", "train.ranking_head_lr=0.003");
        (Gandse.Data.Dataset dataset, _) = Gandse.Data.DatasetBuilder.LoadOrBuild(config, gan.Task);

        (RankingHead head, RankingHeadInfo info) = RankingHeadFitting.Fit(gan.Task, gan.Networks, config, dataset.Train, dataset.Val);

        // The bound alone predicts an excess of 0: its error is the mean log2 excess itself. Fresh candidates for the
        // conditions it was fitted on, then for the validation split's unseen workloads (24 training workloads
        // generalise only so far; the shipped heads see 3,000).
        double boundTrain = BoundAloneError(gan, config, dataset.Train);
        double boundVal = BoundAloneError(gan, config, dataset.Val);
        double headTrain = RankingHeadFitting.Measure(gan.Task, gan.Networks, head, config, dataset.Train).AbsLog2Error;
        Assert.True(boundVal > 0.05, $"the tiny task's candidates stall too little to test with ({boundVal})");
        Assert.True(headTrain < 0.5 * boundTrain, $"fitted conditions: head {headTrain} against the bound alone {boundTrain}");
        Assert.True(info.ValAbsLog2Error < 0.8 * boundVal, $"unseen workloads: head {info.ValAbsLog2Error} against the bound alone {boundVal}");
        Assert.InRange(info.ValTopOneRatio, 0.0, 1.0);
        Assert.Equal(RankingHeadRows.InputNames(gan.Task), info.Bounds);
        Assert.Equal(gan.Task.Objective.ModelledMetrics, info.Metrics);
        head.Dispose();
    }

    [Fact]
    public void A_checkpoint_with_a_head_reloads_to_the_same_ranking_and_one_without_refuses_the_head_ranker()
    {
        TrainedGan gan = TrainedGan.Load(_trained.Experiment.Path("ckpt"));
        string copy = _trained.Experiment.Path("head-copy.ckpt");
        gan.SaveWeightsOnly(copy);
        TrainedGan reloaded = TrainedGan.Load(copy);
        var query = new[] { gan.Task.Query(new Gandse.Workloads.Gemm(300, 200, 100), 1024, 384, 16, null) };

        using IDisposable scope = NewDisposeScope();
        Tensor a = gan.Method(3, ranker: "head").Propose(query, 64);
        Tensor b = reloaded.Method(3, ranker: "head").Propose(query, 64);
        Assert.True(a.equal(b).all().item<bool>());

        TrainedGan withoutHead = TrainedGan.Load(_trained.Experiment.Path("ckpt/last.ckpt"));
        var refused = Assert.Throws<UsageException>(() => withoutHead.Method(3, ranker: "head-spread"));
        Assert.Contains("has no ranking head; fit one with 'gandse checkpoint fit-ranker", refused.Message);
    }

    [Fact]
    public void The_head_ranker_puts_candidates_whose_bounds_break_a_budget_last()
    {
        TrainedGan gan = TrainedGan.Load(_trained.Experiment.Path("ckpt"));
        var query = new[] { gan.Task.Query(new Gandse.Workloads.Gemm(300, 200, 100), 256, 384, 16, null) };

        using IDisposable scope = NewDisposeScope();
        Tensor ordered = gan.Method(4, temperature: 3, ranker: "head").Propose(query, 128);
        ValueBatch values = gan.Task.ConditionValues(query);
        bool[] feasible = gan.Task.EvaluateBounds(values, ordered, completeMappings: false)!.Feasible.reshape(-1).data<bool>().ToArray();

        int firstInfeasible = Array.IndexOf(feasible, false);
        Assert.True(firstInfeasible > 0, "expected some candidates within the 256-MAC budget and some beyond it at temperature 3");
        Assert.All(feasible.Skip(firstInfeasible), f => Assert.False(f));
    }

    private static double BoundAloneError(TrainedGan gan, ExperimentConfig config, IReadOnlyList<LabelledCondition> val)
    {
        using IDisposable scope = NewDisposeScope();
        var conditions = val.Select(v => v.Condition).ToList();
        Tensor proposals = new GanMethod(gan.Task, gan.Networks, config.Seed + 23, config.Train.RankingHeadTemperatures[0]).Propose(conditions, config.Train.RankingHeadCandidates);
        ValueBatch values = gan.Task.ConditionValues(conditions);
        string primary = gan.Task.Objective.PrimaryMetric;
        CandidateEvaluation bounds = gan.Task.EvaluateBounds(values, proposals, completeMappings: false)!;
        CandidateEvaluation exact = gan.Task.Evaluate(values, proposals);
        Tensor excess = exact.Metrics[primary].log2() - bounds.Metrics[primary].log2();
        return excess.masked_select(bounds.Feasible.to_type(ScalarType.Bool)).mean().item<double>();
    }
}
