using System.Security.Cryptography;
using Gandse.Conditions;
using Gandse.Config;
using Gandse.CostModels;
using Gandse.CostModels.Maestro;
using Gandse.Objectives;
using Gandse.Spaces;
using Gandse.Tensors;
using Gandse.Workloads;
using TorchSharp;
using static TorchSharp.torch;
using Metric = Gandse.CostModels.Maestro.MaestroMetricValues;

namespace Gandse.Tasks.Maestro;

/// <summary>
/// AIrchitect v2's task (Seo et al., DATE 2025) on MAESTRO: the query is a convolution and the dataflow template it
/// runs with (dla, eye, shi); the design is the PE count (1–64) and KTileSz (1–12), 768 points, in the ConfuciuX
/// setting; the objective is the least runtime, and a mapping MAESTRO refuses or that breaks the L1/L2 limits is
/// infeasible. The optimum comes by enumerating all 768; 1 to 29 designs often share it, so a design with the
/// least runtime is an exact match whichever it is. Conditions come from the AIrchitect-v2 dataset file
/// (<c>data.source</c>), split by layer; each labelled design is checked against the enumeration
/// (<see cref="LabelCheck"/>) and, when optimal, kept as the condition's optimum, so top-1 means the dataset's own ConfigID.
/// </summary>
public sealed class AirchitectTask : IDseTask
{
    /// <summary>The task's name.</summary>
    public const string TaskName = "airchitect-v2";

    private readonly MaestroCostModel _model;
    private readonly DataConfig _data;
    private readonly Lazy<string> _sourceHash;
    private readonly Tensor _grid;

    /// <summary>The task, reading its conditions from <paramref name="data"/>'s source file.</summary>
    public AirchitectTask(DataConfig data)
    {
        _data = data;
        _model = new MaestroCostModel(AirchitectSpace.Create());
        _sourceHash = new Lazy<string>(() => HashOf(data.Source));
        Objective = new Objective("runtime", new[] { Metric.RuntimeCycles }, Array.Empty<ConstraintDefinition>()) { TieBreak = new[] { Metric.Area } };
        Conditions = new ConditionSchema(new[] { MaestroConditions.DataflowField });
        _grid = Space.IndexTensor(Enumerable.Range(0, (int)Space.Size).Select(i => Space.FromFlatIndex(i)).ToList());
    }

    /// <summary>What labelling found: labels whose runtime or optimality the model disagrees with.</summary>
    public AirchitectLabelCheck LabelCheck { get; } = new();

    /// <inheritdoc/>
    public string Name => TaskName;

    /// <inheritdoc/>
    public DesignSpace Space => _model.Space;

    /// <inheritdoc/>
    public IReadOnlyList<string> LiteratureAnchors { get; } = new[]
    {
        "Majority class: ConfigID 767 (64 PEs, KTileSz 12) is the label of 21.3 % of the dataset's 101,556 rows (`gandse import airchitect-v2` prints it), so always answering it gives 21.3 % top-1 on the whole dataset.",
        "AIrchitect v2 claims 15 % better identification of optimal designs than prior learned methods on this dataset (its own split and metric).",
    };

    /// <inheritdoc/>
    public Objective Objective { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> MetricNames => Metric.All;

    /// <inheritdoc/>
    public string DatasetFingerprint => MaestroReferenceModel.Fingerprint + "|" + _sourceHash.Value;

    /// <inheritdoc/>
    public ConditionSchema Conditions { get; }

    /// <inheritdoc/>
    public IReadOnlyList<ValueRange> TrainedRanges { get; } = new[]
    {
        new ValueRange(ConvFields.K, 2, 512), new ValueRange(ConvFields.C, 2, 512), new ValueRange(ConvFields.Y, 1, 256),
        new ValueRange(ConvFields.X, 1, 256), new ValueRange(ConvFields.R, 1, 9), new ValueRange(ConvFields.S, 1, 9),
    };

    /// <inheritdoc/>
    public GeneratorLayout Layout => new(Space.Parameters.Count);

    /// <inheritdoc/>
    public int FeatureCount => 9;

    /// <inheritdoc/>
    public Tensor Features(IReadOnlyList<Condition> conditions)
    {
        var features = new float[conditions.Count * FeatureCount];
        for (int q = 0; q < conditions.Count; q++)
        {
            ConvShape layer = Layer(conditions[q]);
            Span<float> row = features.AsSpan(q * FeatureCount, FeatureCount);
            row[0] = (float)(Math.Log2(layer.K) / 9);
            row[1] = (float)(Math.Log2(layer.C) / 9);
            row[2] = (float)(Math.Log2(layer.Y) / 8);
            row[3] = (float)(Math.Log2(layer.X) / 8);
            row[4] = (float)(Math.Log2(layer.R) / 3.2);
            row[5] = (float)(Math.Log2(layer.S) / 3.2);
            row[6 + (int)conditions[q][MaestroConditions.Dataflow]] = 1;
        }

        return tensor(features, new long[] { conditions.Count, FeatureCount });
    }

    /// <inheritdoc/>
    public SplitDrafts Sample(DataConfig data, Random random)
    {
        if (data.Source.Length == 0)
        {
            throw new UsageException($"task {Name} reads its conditions from the AIrchitect-v2 dataset: set data.source to conv_dataset_100k.csv (or run 'gandse import airchitect-v2 --input PATH')");
        }

        IReadOnlyList<AirchitectRow> rows = AirchitectCsv.Read(data.Source);
        List<IGrouping<ConvShape, AirchitectRow>> layers = rows.GroupBy(r => r.Layer).OrderBy(_ => random.Next()).ToList();
        int test = Math.Min(data.TestWorkloads, layers.Count), val = Math.Min(data.ValWorkloads, layers.Count - test);
        int train = Math.Min(data.TrainWorkloads, layers.Count - test - val);
        List<ConditionDraft> Drafts(IEnumerable<IGrouping<ConvShape, AirchitectRow>> chosen) => chosen.SelectMany(g => g).Select(Draft).ToList();
        return new SplitDrafts(Drafts(layers.Skip(test + val).Take(train)), Drafts(layers.Skip(test).Take(val)), Drafts(layers.Take(test)));
    }

    /// <summary>A dataset row as a condition carrying the dataset's answer.</summary>
    public ConditionDraft Draft(AirchitectRow row) =>
        new(new Condition(new DataflowLayer(row.Layer), new Dictionary<string, double> { [MaestroConditions.Dataflow] = row.Dataflow }), 1)
        {
            Label = AirchitectSpace.FromConfigId(row.ConfigId),
            LabelCost = row.Reward,
        };

    /// <inheritdoc/>
    public LabelledCondition Label(ConditionDraft draft, DataConfig data)
    {
        using IDisposable scope = NewDisposeScope();
        ValueBatch values = ConditionValues(new[] { draft.Condition });
        CandidateEvaluation all = Evaluate(values, _grid.unsqueeze(0), EvaluationModel.Exact, charge: false);
        double[] runtime = all.Metrics[Metric.RuntimeCycles].reshape(-1).data<double>().ToArray();
        double[] area = all.Metrics[Metric.Area].reshape(-1).data<double>().ToArray();
        bool[] feasible = all.Feasible.reshape(-1).data<bool>().ToArray();
        int[] order = Enumerable.Range(0, runtime.Length).Where(i => feasible[i]).OrderBy(i => runtime[i]).ThenBy(i => area[i]).ThenBy(i => i).ToArray();
        if (order.Length == 0)
        {
            throw new UsageException($"no design of the {Name} space is valid for {draft.Condition}");
        }

        double best = runtime[order[0]];
        int chosen = order[0];
        if (draft.Label is Design label)
        {
            int labelled = AirchitectSpace.ConfigId(label);
            bool optimal = feasible[labelled] && runtime[labelled] == best;
            LabelCheck.Record(draft, runtime[labelled], best, optimal, order.Count(i => runtime[i] == best), () =>
                $"{draft.Condition.Workload.Spec} {MaestroConditions.DataflowField.Show(draft.Condition[MaestroConditions.Dataflow])}: label {Space.Format(label)} (ConfigID {labelled}), fastest {Space.Format(Space.FromFlatIndex(order[0]))}");
            chosen = optimal ? labelled : chosen;
        }

        IReadOnlyList<Design> near = order.Where(i => runtime[i] <= best * (1 + data.NearOptimalTolerance)).Take(data.NearOptimal)
            .Select(i => Space.FromFlatIndex(i)).ToList();
        var metrics = MetricNames.ToDictionary(m => m, m => all.Metrics[m].reshape(-1)[chosen].item<double>());
        return new LabelledCondition(draft.Condition, Space.FromFlatIndex(chosen), metrics, near);
    }

    /// <inheritdoc/>
    public ValueBatch ConditionValues(IReadOnlyList<Condition> conditions) => Condition.Batch(conditions);

    /// <inheritdoc/>
    public CandidateEvaluation Evaluate(ValueBatch conditionValues, Tensor candidates, EvaluationModel model = EvaluationModel.Exact) =>
        Evaluate(conditionValues, candidates, model, charge: true);

    /// <inheritdoc/>
    public CandidateEvaluation? EvaluateBounds(ValueBatch conditionValues, Tensor candidates, bool completeMappings) => null;

    /// <inheritdoc/>
    public Tensor CompleteMappings(ValueBatch conditionValues, Tensor candidates, EvaluationModel model = EvaluationModel.Exact) => candidates;

    /// <inheritdoc/>
    public Condition Query(Workload workload, IReadOnlyDictionary<string, double> given, Func<ConditionField, string>? shown = null)
    {
        ConvShape layer = workload.Conv ?? throw new UsageException($"task {Name} takes one conv layer (conv:K=…,C=…,Y=…,X=…,R=…,S=…) or GEMM, not {workload.Spec}");
        if (layer.Depthwise || layer.Stride != 1)
        {
            throw new UsageException($"task {Name} was trained on standard convolutions of stride 1 (AIrchitect v2's dataset); {workload.Spec} is not one");
        }

        return Conditions.Build(new DataflowLayer(layer), given, $"task {Name}", shown);
    }

    /// <summary>
    /// The runtime an invalid mapping counts as (2^40 cycles, beyond any valid one here): learners fit log2 costs,
    /// and MAESTRO's own figures for such a mapping are 0 or meaningless.
    /// </summary>
    public const double InvalidRuntime = 1L << 40;

    private CandidateEvaluation Evaluate(ValueBatch conditionValues, Tensor candidates, EvaluationModel model, bool charge)
    {
        ValueBatch designs = Space.Values(candidates);
        ValueBatch values = conditionValues.Map(t => t.unsqueeze(1));
        ValueBatch metrics = _model.Evaluate(designs, values);
        Tensor isValid = metrics[Metric.Valid].gt(SafeOps.Constant(0.5));
        metrics[Metric.RuntimeCycles] = where(isValid, metrics[Metric.RuntimeCycles], full_like(metrics[Metric.RuntimeCycles], InvalidRuntime));
        if (charge)
        {
            EvaluationLedger.Current?.ChargeDesigns(conditionValues, candidates, (_, design) => new[] { (design[0] * 12) + design[1] });
        }

        Tensor valid = metrics[Metric.Valid].gt(SafeOps.Constant(0.5));
        return new CandidateEvaluation(metrics, valid, where(valid, zeros_like(metrics[Metric.Valid]), ones_like(metrics[Metric.Valid])));
    }

    private static ConvShape Layer(Condition condition) =>
        condition.Workload.Conv ?? throw new InvalidOperationException($"{condition.Workload.Spec} has no MAESTRO form");

    private static string HashOf(string path)
    {
        if (path.Length == 0 || !File.Exists(path))
        {
            return "no-source";
        }

        using FileStream stream = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream))[..16].ToLowerInvariant();
    }
}
