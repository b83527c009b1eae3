using Gandse.Conditions;
using Gandse.Config;
using Gandse.CostModels;
using Gandse.CostModels.Systolic;
using Gandse.Objectives;
using Gandse.Optimum;
using Gandse.Spaces;
using Gandse.Tensors;
using Gandse.Workloads;
using Gandse.Tasks;
using TorchSharp;
using static TorchSharp.torch;

namespace Gandse.Tasks.Systolic;

/// <summary>
/// One GEMM on the systolic space. <c>systolic-gemm</c>: least total_cycles (ties: energy) under MAC, SRAM
/// and DRAM-bandwidth conditions. <c>systolic-latency-target</c>: the cheapest design (least area, then
/// energy) whose total_cycles meets a target latency, under the same budgets.
/// </summary>
public sealed class SystolicGemmTask : IDseTask
{
    /// <summary>The GEMM task: least latency under budgets.</summary>
    public const string GemmName = "systolic-gemm";
    /// <summary>The latency-target task: the cheapest design meeting a latency target.</summary>
    public const string LatencyTargetName = "systolic-latency-target";

    private readonly SystolicCostModel _model;
    private readonly SystolicCostModel _streaming;
    private readonly DataConfig _data;

    /// <summary>The GEMM task, or the latency-target task when <paramref name="latencyTarget"/>, drawing conditions as <paramref name="data"/> says.</summary>
    public SystolicGemmTask(bool latencyTarget, DataConfig data)
    {
        HasTarget = latencyTarget;
        _data = data;
        _model = new SystolicCostModel(SystolicSpace.Create());
        _streaming = new SystolicCostModel(_model.Space, new SystolicOptions(SystolicMemoryModel.Streaming));
        Objective = latencyTarget ? SystolicObjectives.CheapestMeetingLatency() : SystolicObjectives.Latency();
        Conditions = SystolicTaskConditions.Schema(data, latencyTarget, $"task {Name}");
    }

    /// <summary>Whether queries carry a latency target.</summary>
    public bool HasTarget { get; }

    /// <inheritdoc/>
    public string Name => HasTarget ? LatencyTargetName : GemmName;

    /// <inheritdoc/>
    public DesignSpace Space => _model.Space;

    /// <inheritdoc/>
    public IReadOnlyList<string> LiteratureAnchors { get; } = new[]
    {
        "AIrchitect reports 94.3 % top-1 accuracy and a 99.9 % geomean of the best possible performance on 10^5 GEMM workloads of its own SCALE-Sim space, which has no budgets to violate.",
    };

    /// <inheritdoc/>
    public Objective Objective { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> MetricNames => _model.MetricNames;

    /// <inheritdoc/>
    public ConditionSchema Conditions { get; }

    /// <inheritdoc/>
    public string DatasetFingerprint => SystolicReferenceModel.Fingerprint + "|" + SystolicTaskConditions.DrawFingerprint(Conditions);

    /// <inheritdoc/>
    public IReadOnlyList<ValueRange> TrainedRanges => SystolicTaskConditions.TrainedRanges(Conditions, _data, dims: true);

    /// <inheritdoc/>
    public GeneratorLayout Layout => new(Space.Parameters.Count);

    /// <inheritdoc/>
    public int FeatureCount => 3 + Conditions.Fields.Count;

    /// <inheritdoc/>
    public Tensor Features(IReadOnlyList<Condition> conditions)
    {
        var features = new float[conditions.Count * FeatureCount];
        for (int q = 0; q < conditions.Count; q++)
        {
            Condition condition = conditions[q];
            Gemm gemm = condition.Workload.Gemms[0];
            Span<float> row = features.AsSpan(q * FeatureCount, FeatureCount);
            row[0] = (float)(Math.Log2(gemm.M) / 12);
            row[1] = (float)(Math.Log2(gemm.N) / 12);
            row[2] = (float)(Math.Log2(gemm.K) / 12);
            Conditions.Encode(condition, row[3..]);
        }

        return tensor(features, new long[] { conditions.Count, FeatureCount });
    }

    /// <inheritdoc/>
    public SplitDrafts Sample(DataConfig data, Random random)
    {
        var seen = new HashSet<(long, long, long)>();
        List<ConditionDraft> Split(int workloads)
        {
            var drafts = new List<ConditionDraft>();
            while (drafts.Count < workloads * data.ConditionsPerWorkload)
            {
                var gemm = new Gemm(LogUniform(random, data.DimMin, data.DimMax), LogUniform(random, data.DimMin, data.DimMax), LogUniform(random, data.DimMin, data.DimMax));
                if (!seen.Add((gemm.M, gemm.N, gemm.K)))
                {
                    continue;
                }

                for (int c = 0; c < data.ConditionsPerWorkload; c++)
                {
                    Condition condition = SystolicTaskConditions.Draw(Conditions, gemm, random);
                    double slack = Math.Exp(Math.Log(data.TargetSlackMin) + (random.NextDouble() * (Math.Log(data.TargetSlackMax) - Math.Log(data.TargetSlackMin))));
                    drafts.Add(new ConditionDraft(condition, slack));
                }
            }

            return drafts;
        }

        return new SplitDrafts(Split(data.TrainWorkloads), Split(data.ValWorkloads), Split(data.TestWorkloads));
    }

    /// <inheritdoc/>
    public LabelledCondition Label(ConditionDraft draft, DataConfig data)
    {
        Condition condition = draft.Condition;
        if (HasTarget)
        {
            OptimumResult fastest = new ExhaustiveOptimum(_model, SystolicObjectives.Latency()).Find(condition.Values());
            if (!fastest.Found)
            {
                throw new InvalidOperationException($"No design meets the budgets of {condition}; widen data.draw.mac_budget or data.draw.sram_budget_kb.");
            }

            double target = Math.Ceiling(fastest.Metrics![SystolicMetricNames.TotalCycles] * draft.TargetSlack);
            condition = condition.With(SystolicConditions.TargetLatency, target);
        }

        OptimumResult optimum = new ExhaustiveOptimum(_model, Objective).Find(condition.Values(), null, data.NearOptimal, data.NearOptimalTolerance);
        if (!optimum.Found)
        {
            throw new InvalidOperationException($"No design is feasible for {condition}; widen data.draw.mac_budget or data.draw.sram_budget_kb.");
        }

        return new LabelledCondition(condition, optimum.Design!, optimum.Metrics!, optimum.NearOptimal);
    }

    /// <inheritdoc/>
    public ValueBatch ConditionValues(IReadOnlyList<Condition> conditions) => Condition.Batch(conditions);

    /// <summary>Bounds of the one-GEMM candidates (there are no mappings to complete).</summary>
    public CandidateEvaluation? EvaluateBounds(ValueBatch conditionValues, Tensor candidates, bool completeMappings)
    {
        ValueBatch designs = Space.Values(candidates);
        ValueBatch values = conditionValues.Map(t => t.unsqueeze(1));
        ValueBatch bounds = _model.EvaluateBounds(designs, values);
        EvaluationLedger.Current?.ChargeAnalytic(candidates.shape[0] * candidates.shape[1]);
        return new CandidateEvaluation(bounds, Objective.Feasible(designs, bounds, values), Objective.Violation(designs, bounds, values));
    }

    /// <inheritdoc/>
    public CandidateEvaluation Evaluate(ValueBatch conditionValues, Tensor candidates, EvaluationModel model = EvaluationModel.Exact)
    {
        ValueBatch designs = Space.Values(candidates);
        ValueBatch values = conditionValues.Map(t => t.unsqueeze(1));
        ValueBatch metrics = (model == EvaluationModel.Exact ? _model : _streaming).EvaluateChunked(designs, values);
        if (model == EvaluationModel.Exact)
        {
            // One GEMM: a design is one layer run, known by its flat index in the space.
            EvaluationLedger.Current?.ChargeDesigns(conditionValues, candidates, (_, design) => new[] { Flat(design) });
        }

        return new CandidateEvaluation(metrics, Objective.Feasible(designs, metrics, values), Objective.Violation(designs, metrics, values));
    }

    /// <inheritdoc/>
    public Tensor CompleteMappings(ValueBatch conditionValues, Tensor candidates, EvaluationModel model = EvaluationModel.Exact) => candidates;

    /// <inheritdoc/>
    public Condition Query(Workload workload, IReadOnlyDictionary<string, double> given, Func<ConditionField, string>? shown = null) =>
        workload.Gemms.Count == 1
            ? Conditions.Build(workload, given, $"task {Name}", shown)
            : throw new UsageException($"task {Name} takes one GEMM or conv layer, not a network");

    private long Flat(long[] design)
    {
        long flat = 0;
        for (int p = 0; p < design.Length; p++)
        {
            flat = (flat * Space.Parameters[p].Count) + design[p];
        }

        return flat;
    }

    private static long LogUniform(Random random, long min, long max) =>
        Math.Clamp((long)Math.Round(Math.Exp(Math.Log(min) + (random.NextDouble() * (Math.Log(max) - Math.Log(min))))), min, max);
}
