using System.Diagnostics;
using Gandse.Config;
using Gandse.Runs;
using Gandse.Tasks;
using Gandse.Tensors;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Gandse.Methods.Gan;

/// <summary>
/// Fits a <see cref="RankingHead"/> to a trained generator: the generator draws candidates for each training
/// condition at each of <c>train.ranking_head_temperatures</c>, the exact cost model labels those whose bounds
/// are feasible, and the head learns their log2 excess over the bounds (mean squared error, per metric scaled to
/// unit spread) and whether their metric constraints hold (cross-entropy). Validation conditions are only
/// measured, never fitted on. These are training-time evaluations: no query is charged for them, and
/// <see cref="RankingHeadInfo.Rows"/> reports how many there were.
/// </summary>
public static class RankingHeadFitting
{
    // Conditions proposed for and labelled per batch while collecting: 32 × 128 candidates per exact batch.
    private const int ConditionsPerBatch = 32;

    /// <summary>An untrained head of the shape <paramref name="info"/> records.</summary>
    public static RankingHead Create(RankingHeadInfo info) => new(info.DesignWidth, info.Features, info.Bounds.Count, info.Metrics.Count, info.Hidden, info.Layers);

    /// <summary>Fits a head to <paramref name="networks"/>' generator on <paramref name="train"/>, measured on <paramref name="val"/>.</summary>
    public static (RankingHead Head, RankingHeadInfo Info) Fit(
        IDseTask task, GanNetworks networks, ExperimentConfig config, IReadOnlyList<LabelledCondition> train, IReadOnlyList<LabelledCondition> val,
        RunDirectory? run = null, Action<TrainProgress>? progress = null, CancellationToken cancellation = default)
    {
        var stopwatch = Stopwatch.StartNew();
        TrainConfig settings = config.Train;
        IReadOnlyList<string> metrics = task.Objective.ModelledMetrics;
        var head = new RankingHead(task.Space.OneHotWidth, task.FeatureCount, RankingHeadRows.InputNames(task).Count, metrics.Count, settings.RankingHeadHidden, settings.RankingHeadLayers);
        using var sampler = new Generator((ulong)config.Seed + 17);
        torch.random.manual_seed(config.Seed + 17);

        RankingHeadRows rows = RankingHeadRows.Collect(task, networks, config, train, settings.RankingHeadCandidates, ConditionsPerBatch, progress, cancellation);
        head.SetNormalisation(rows.BoundInputs.mean(new long[] { 0 }), rows.BoundInputs.std(0).clamp_min(1e-3), rows.Excess.std(0).clamp_min(1e-3));
        using (var optimizer = optim.Adam(head.parameters(), settings.RankingHeadLr))
        {
            head.train();
            for (int step = 1; step <= settings.RankingHeadSteps; step++)
            {
                cancellation.ThrowIfCancellationRequested();
                using IDisposable scope = NewDisposeScope();
                double rate = settings.RankingHeadLr * (1 - (0.9 * (step - 1) / Math.Max(1, settings.RankingHeadSteps - 1)));
                foreach (optim.ILearningRateController group in optimizer.ParamGroups)
                {
                    group.LearningRate = rate;
                }

                Tensor index = randint(rows.Count, new long[] { Math.Min(settings.RankingHeadBatchSize, rows.Count) }, generator: sampler);
                Tensor output = head.forward(head.Input(
                    task.Space.OneHot(rows.Designs.index_select(0, index)), rows.FeaturesOf(index), rows.BoundInputs.index_select(0, index)));
                Tensor regression = F.mse_loss(output.narrow(-1, 0, metrics.Count), head.ScaledExcess(rows.Excess.index_select(0, index)));
                Tensor classification = F.binary_cross_entropy_with_logits(output.select(-1, metrics.Count), rows.Feasible.index_select(0, index));
                Tensor loss = regression + classification;
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                if (step % config.Train.LogEvery == 0 || step == settings.RankingHeadSteps)
                {
                    run?.Writer.add_scalar("ranking_head/regression", regression.item<float>(), step);
                    run?.Writer.add_scalar("ranking_head/classification", classification.item<float>(), step);
                    progress?.Invoke(new TrainProgress("ranking head", step, settings.RankingHeadSteps, GeneratorLoss: loss.item<float>()));
                }
            }
        }

        head.eval();
        (double error, double topOne, double feasibleAccuracy) = Measure(task, networks, head, config, val);
        run?.Writer.add_scalar("ranking_head/val_abs_log2_error", (float)error, settings.RankingHeadSteps);
        run?.Writer.add_scalar("ranking_head/val_top_one_ratio", (float)topOne, settings.RankingHeadSteps);
        run?.Writer.add_scalar("ranking_head/val_feasible_accuracy", (float)feasibleAccuracy, settings.RankingHeadSteps);
        var info = new RankingHeadInfo(
            task.Space.OneHotWidth, task.FeatureCount, RankingHeadRows.InputNames(task), metrics, settings.RankingHeadHidden, settings.RankingHeadLayers, settings.RankingHeadSteps, train.Count, settings.RankingHeadCandidates,
            settings.RankingHeadTemperatures.ToList(), rows.Count, error, topOne, feasibleAccuracy, stopwatch.Elapsed.TotalSeconds);
        rows.Dispose();
        return (head, info);
    }

    /// <summary>
    /// On validation conditions, candidates drawn at the first fitting temperature: the mean |log2 error| of the
    /// predicted primary metric (bound-feasible candidates), the geometric mean of the best feasible candidate's cost
    /// over the cost of the one the head rates best (infeasible picks count as the worst feasible candidate's cost),
    /// and the share of candidates whose constraint prediction was right.
    /// </summary>
    public static (double AbsLog2Error, double TopOneRatio, double FeasibleAccuracy) Measure(
        IDseTask task, GanNetworks networks, RankingHead head, ExperimentConfig config, IReadOnlyList<LabelledCondition> val)
    {
        using IDisposable scope = NewDisposeScope();
        using IDisposable noGrad = no_grad();
        int candidates = config.Train.RankingHeadCandidates;
        var conditions = val.Select(v => v.Condition).ToList();
        var method = new GanMethod(task, networks, config.Seed + 23, config.Train.RankingHeadTemperatures[0], config.Generate.SlotTemperature);
        Tensor proposals = method.Propose(conditions, candidates);
        ValueBatch values = task.ConditionValues(conditions);
        Tensor features = task.Features(conditions).repeat_interleave(candidates, 0);
        ValueBatch rowValues = values.Map(t => t.repeat_interleave(candidates, 0));
        Tensor flat = proposals.reshape(-1, proposals.shape[2]);
        Tensor scores = CandidateRanker.Score("head", task, networks, head, flat, features, rowValues)!.reshape(conditions.Count, candidates);
        CandidateEvaluation exact = task.Evaluate(values, proposals);
        Tensor cost = exact.Metrics[task.Objective.PrimaryMetric].expand(conditions.Count, candidates);
        Tensor feasible = exact.Feasible.expand(conditions.Count, candidates);

        Tensor worst = where(feasible, cost, zeros_like(cost)).amax(new long[] { 1 }, keepdim: true);
        Tensor best = where(feasible, cost, full_like(cost, double.PositiveInfinity)).amin(new long[] { 1 }, keepdim: true);
        Tensor pick = scores.argmin(1, keepdim: true);
        Tensor picked = where(feasible.gather(1, pick), cost.gather(1, pick), worst);
        Tensor any = feasible.any(1);
        double topOne = any.any().item<bool>() ? (best / picked).log2().masked_select(any.unsqueeze(1)).mean().exp2().item<double>() : double.NaN;

        (Tensor boundLog2, Tensor boundInputs, Tensor boundFeasible, _) = RankingHeadRows.Bounds(task, rowValues, flat);
        (Tensor excess, Tensor logit) = head.Predict(task.Space.OneHot(flat), features, boundInputs);
        Tensor truth = cost.reshape(-1).log2();
        Tensor predicted = boundLog2.select(-1, 0) + excess.select(-1, 0).to_type(ScalarType.Float64);
        double error = (predicted - truth).abs().masked_select(boundFeasible).mean().item<double>();
        double accuracy = (logit.gt(0) == feasible.reshape(-1)).masked_select(boundFeasible).to_type(ScalarType.Float64).mean().item<double>();
        return (error, topOne, accuracy);
    }
}
