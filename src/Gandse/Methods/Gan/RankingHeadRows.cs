using Gandse.Config;
using Gandse.Tasks;
using Gandse.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace Gandse.Methods.Gan;

/// <summary>
/// The ranking head's training rows: the generator's candidates for training conditions whose closed-form bounds
/// are feasible (the others are ruled out exactly without the head), each with its log2 bounds, the log2 excess
/// of its exact metrics over them, and whether it meets every constraint exactly.
/// </summary>
public sealed class RankingHeadRows : IDisposable
{
    private RankingHeadRows(Tensor conditionFeatures, Tensor condition, Tensor designs, Tensor boundInputs, Tensor excess, Tensor feasible)
    {
        BoundInputs = boundInputs;
        ConditionFeatures = conditionFeatures;
        Condition = condition;
        Designs = designs;
        Excess = excess;
        Feasible = feasible;
    }

    /// <summary>[C, F] features of the training conditions; rows point into it, so a network's wide features are stored once.</summary>
    public Tensor ConditionFeatures { get; }

    /// <summary>[R] the condition of each row.</summary>
    public Tensor Condition { get; }

    /// <summary>[R, P] choice indices.</summary>
    public Tensor Designs { get; }

    /// <summary>[R, K] log2 of 1 + the bound of every metric, float64: what the head reads.</summary>
    public Tensor BoundInputs { get; }

    /// <summary>[R, M] log2 of exact over bound, ≥ 0, float32.</summary>
    public Tensor Excess { get; }

    /// <summary>[R] 1 where the candidate meets every constraint exactly, float32.</summary>
    public Tensor Feasible { get; }

    /// <summary>Rows.</summary>
    public int Count => (int)Designs.shape[0];

    /// <summary>Features of rows <paramref name="index"/>, [B, F].</summary>
    public Tensor FeaturesOf(Tensor index) => ConditionFeatures.index_select(0, Condition.index_select(0, index));

    /// <summary>
    /// Draws <paramref name="candidates"/> per condition and temperature from the generator and labels them
    /// exactly, <paramref name="perBatch"/> conditions at a time.
    /// </summary>
    internal static RankingHeadRows Collect(
        IDseTask task, GanNetworks networks, ExperimentConfig config, IReadOnlyList<LabelledCondition> train, int candidates, int perBatch,
        Action<TrainProgress>? progress, CancellationToken cancellation)
    {
        IReadOnlyList<string> metrics = task.Objective.ModelledMetrics;
        var conditions = train.Select(c => c.Condition).ToList();
        Tensor allFeatures = task.Features(conditions);
        var parts = new List<(Tensor Condition, Tensor Designs, Tensor Bound, Tensor Excess, Tensor Feasible)>();
        IReadOnlyList<double> temperatures = config.Train.RankingHeadTemperatures;
        int batches = (conditions.Count + perBatch - 1) / perBatch, done = 0;
        for (int t = 0; t < temperatures.Count; t++)
        {
            var method = new GanMethod(task, networks, config.Seed + 31 + t, temperatures[t], config.Generate.SlotTemperature);
            for (int start = 0; start < conditions.Count; start += perBatch)
            {
                cancellation.ThrowIfCancellationRequested();
                using DisposeScope scope = NewDisposeScope();
                List<Conditions.Condition> slice = conditions.Skip(start).Take(perBatch).ToList();
                Tensor proposals = method.Propose(slice, candidates);
                ValueBatch values = task.ConditionValues(slice);
                Tensor flat = proposals.reshape(-1, proposals.shape[2]);
                ValueBatch rowValues = values.Map(v => v.repeat_interleave(candidates, 0));
                (Tensor boundLog2, Tensor boundInputs, Tensor boundFeasible, _) = Bounds(task, rowValues, flat);
                CandidateEvaluation exact = task.Evaluate(values, proposals);
                Tensor exactLog2 = stack(metrics.Select(m => exact.Metrics[m].expand(slice.Count, candidates).reshape(-1).log2()).ToArray(), -1);
                Tensor keep = boundFeasible.nonzero().squeeze(-1);
                Tensor condition = arange(start, start + slice.Count, ScalarType.Int64).repeat_interleave(candidates, 0);
                parts.Add((
                    condition.index_select(0, keep).MoveToOuterDisposeScope(),
                    flat.index_select(0, keep).MoveToOuterDisposeScope(),
                    boundInputs.index_select(0, keep).MoveToOuterDisposeScope(),
                    (exactLog2 - boundLog2).clamp_min(0).to_type(ScalarType.Float32).index_select(0, keep).MoveToOuterDisposeScope(),
                    exact.Feasible.expand(slice.Count, candidates).reshape(-1).to_type(ScalarType.Float32).index_select(0, keep).MoveToOuterDisposeScope()));
                progress?.Invoke(new TrainProgress("ranking head: labelling", ++done, batches * temperatures.Count));
            }
        }

        if (parts.Sum(p => p.Designs.shape[0]) == 0)
        {
            throw new InvalidOperationException("The generator proposed no candidate whose bounds are feasible for any training condition: nothing to fit a ranking head on.");
        }

        return new RankingHeadRows(
            allFeatures, cat(parts.Select(p => p.Condition).ToList(), 0), cat(parts.Select(p => p.Designs).ToList(), 0),
            cat(parts.Select(p => p.Bound).ToList(), 0), cat(parts.Select(p => p.Excess).ToList(), 0), cat(parts.Select(p => p.Feasible).ToList(), 0));
    }

    /// <summary>
    /// What the head reads beside the design and features: log2 of 1 + the bound of every metric, then, for every
    /// constraint on a metric (a latency target, an area budget), its slack by the bound: log2 of the condition's
    /// limit over the bounded usage, clamped to ±<see cref="SlackLimit"/> (an absent limit is the clamp). The slack
    /// says outright how much stall a candidate may have and still meet a target, which the network would otherwise
    /// have to work out from two encoded numbers.
    /// </summary>
    public static IReadOnlyList<string> InputNames(IDseTask task) =>
        task.MetricNames.Concat(MetricConstraints(task).Select(c => "slack:" + c.Bound)).ToList();

    /// <summary>
    /// Closed-form bounds of candidates [R, P] under their own condition values ([R] each): log2 of each modelled
    /// metric [R, M] float64, the head's inputs [R, K] (<see cref="InputNames"/>), whether the bounds are feasible
    /// [R], and by how much they miss [R].
    /// </summary>
    public static (Tensor BoundLog2, Tensor Inputs, Tensor Feasible, Tensor Violation) Bounds(IDseTask task, ValueBatch rowValues, Tensor designs)
    {
        CandidateEvaluation bounds = task.EvaluateBounds(rowValues, designs.unsqueeze(1), completeMappings: false)
            ?? throw new UsageException($"task {task.Name} has no closed-form bounds, which the ranking head reads; use another generate.ranker");
        Tensor log2 = stack(task.Objective.ModelledMetrics.Select(m => bounds.Metrics[m].squeeze(1).log2()).ToArray(), -1);
        var metrics = bounds.Metrics.Map(m => m.squeeze(1));
        ValueBatch values = task.Space.Values(designs);
        var inputs = task.MetricNames.Select(m => metrics[m].clamp_min(0).log1p() / Math.Log(2)).ToList();
        foreach (Objectives.ConstraintDefinition constraint in MetricConstraints(task))
        {
            Tensor limit = rowValues.TryGet(constraint.Bound, out Tensor given) ? given.to_type(ScalarType.Float64) : full_like(metrics[constraint.Metric!], double.PositiveInfinity);
            Tensor slack = (limit.log2() - constraint.Usage(values, metrics).clamp_min(1e-12).log2()).nan_to_num(SlackLimit, SlackLimit, -SlackLimit);
            inputs.Add(slack.clamp(-SlackLimit, SlackLimit));
        }

        // A zero bound (no stall, say) is −∞ in log2; its excess is then measured from 1.
        return (log2.clamp_min(0), stack(inputs, -1), bounds.Feasible.squeeze(1).to_type(ScalarType.Bool), bounds.Violation.squeeze(1));
    }

    /// <summary>The largest slack the head reads, in log2 (a factor of 2^16).</summary>
    public const double SlackLimit = 16;

    private static IEnumerable<Objectives.ConstraintDefinition> MetricConstraints(IDseTask task) => task.Objective.Constraints.Where(c => c.Metric is not null);

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (Tensor tensor in new[] { ConditionFeatures, Condition, Designs, BoundInputs, Excess, Feasible })
        {
            tensor.Dispose();
        }
    }
}
