using Gandse.Conditions;
using Gandse.Config;
using Gandse.CostModels;
using Gandse.CostModels.Systolic;
using Gandse.Objectives;
using Gandse.Spaces;
using Gandse.Tensors;
using Gandse.Workloads;
using Gandse.Tasks;
using TorchSharp;
using static TorchSharp.torch;
using P = Gandse.CostModels.Systolic.SystolicParameterNames;
using Metric = Gandse.CostModels.Systolic.SystolicMetricNames;

namespace Gandse.Tasks.Systolic;

/// <summary>
/// A whole network on one systolic array: shared hardware (rows, cols, three SRAMs) and a dataflow per layer,
/// 172,800 · 3^L designs. Objective: least total latency (Σ layers' total_cycles), ties by energy, under MAC,
/// SRAM and area budgets. Its exact optimum exists by decomposition: once the hardware is fixed, each layer's
/// best dataflow is independent of the others (<see cref="NetworkOptimum"/>).
/// </summary>
public sealed class SystolicNetworkTask : IDseTask
{
    /// <summary>The network task's name.</summary>
    public const string TaskName = "systolic-network";
    private const int GlobalFeatures = 3;
    private const int LayerFeatures = 5;

    private const int DataflowCount = 3;

    private readonly SystolicCostModel _model = new();
    private readonly SystolicCostModel _streaming = new(options: new SystolicOptions(SystolicMemoryModel.Streaming));
    private readonly DataConfig _data;
    private readonly NetworkCharges _charges;

    /// <summary>The network task, drawing networks as <paramref name="data"/> says.</summary>
    public SystolicNetworkTask(DataConfig data)
    {
        _data = data;
        MaxLayers = data.MaxLayers;
        Space = SystolicNetworkSpace.Create(MaxLayers);
        _charges = new NetworkCharges(Space, MaxLayers, DataflowCount);
        Objective = SystolicObjectives.Latency();
        Conditions = SystolicTaskConditions.Schema(data, latencyTarget: false, $"task {Name}");
        Layout = new GeneratorLayout(
            SystolicNetworkSpace.HardwareParameters.Count, GlobalFeatures, LayerFeatures, new SlotInteraction(2 * DataflowCount, new DataflowFeatures(_model).Compute));
    }

    /// <inheritdoc/>
    public string Name => TaskName;

    /// <summary>The most layers a network of this task may have.</summary>
    public int MaxLayers { get; }

    /// <inheritdoc/>
    public DesignSpace Space { get; }

    /// <inheritdoc/>
    public Objective Objective { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> MetricNames => _model.MetricNames;

    /// <inheritdoc/>
    public ConditionSchema Conditions { get; }

    /// <inheritdoc/>
    public string DatasetFingerprint => SystolicReferenceModel.Fingerprint + "|" + SystolicTaskConditions.DrawFingerprint(Conditions);

    /// <inheritdoc/>
    public IReadOnlyList<ValueRange> TrainedRanges => SystolicTaskConditions.TrainedRanges(Conditions, _data, dims: false);

    /// <summary>
    /// Hardware chained; each layer's dataflow from the hardware, that layer's features and its compute cycles
    /// under each dataflow on that hardware (<see cref="DataflowFeatures"/>).
    /// </summary>
    public GeneratorLayout Layout { get; }

    /// <inheritdoc/>
    public int FeatureCount => GlobalFeatures + (LayerFeatures * MaxLayers);

    /// <inheritdoc/>
    public Tensor Features(IReadOnlyList<Condition> conditions)
    {
        var features = new float[conditions.Count * FeatureCount];
        for (int q = 0; q < conditions.Count; q++)
        {
            Condition condition = conditions[q];
            Network network = AsNetwork(condition.Workload);
            int offset = q * FeatureCount;
            Conditions.Encode(condition, features.AsSpan(offset, GlobalFeatures));
            for (int l = 0; l < network.Layers.Count; l++)
            {
                NetworkLayer layer = network.Layers[l];
                int at = offset + GlobalFeatures + (l * LayerFeatures);
                features[at] = (float)(Math.Log2(layer.Gemm.M) / 12);
                features[at + 1] = (float)(Math.Log2(layer.Gemm.N) / 12);
                features[at + 2] = (float)(Math.Log2(layer.Gemm.K) / 12);
                features[at + 3] = (float)(Math.Log2(layer.Repeats) / 10);
                features[at + 4] = 1;
            }
        }

        return tensor(features, new long[] { conditions.Count, FeatureCount });
    }

    /// <inheritdoc/>
    public SplitDrafts Sample(DataConfig data, Random random)
    {
        ConditionDraft Draw(Workload network) => new(SystolicTaskConditions.Draw(Conditions, network, random), 1.0);

        List<ConditionDraft> Synthetic(string prefix, int count) => Enumerable.Range(0, count)
            .Select(i => random.NextDouble() < data.SyntheticTransformerShare
                ? SyntheticNetworks.DrawTransformer(random, $"{prefix}{i}")
                : SyntheticNetworks.Draw(random, data.SyntheticLayersMin, Math.Min(data.SyntheticLayersMax, MaxLayers), $"{prefix}{i}"))
            .SelectMany(network => Enumerable.Range(0, data.ConditionsPerWorkload).Select(_ => Draw(network)))
            .ToList();

        List<ConditionDraft> Real(IEnumerable<string> names) => names
            .Select(name => AsNetwork(BuiltInNetworks.Get(name)))
            .SelectMany(network => Enumerable.Range(0, data.ConditionsPerWorkload).Select(_ => Draw(network)))
            .ToList();

        List<ConditionDraft> train = Synthetic("synthetic-train-", data.TrainWorkloads);
        List<ConditionDraft> val = Synthetic("synthetic-val-", data.ValWorkloads).Concat(Real(data.ValNetworks)).ToList();
        List<ConditionDraft> test = Real(Enumerable.Range(0, data.TestWorkloads).Select(i => data.TestNetworks[i % data.TestNetworks.Count]));
        return new SplitDrafts(train, val, test);
    }

    /// <inheritdoc/>
    public LabelledCondition Label(ConditionDraft draft, DataConfig data)
    {
        Condition condition = draft.Condition;
        Network network = AsNetwork(condition.Workload);
        IReadOnlyList<Design> best = new NetworkOptimum(_model, Space).Find(network, condition, data.NearOptimal, data.NearOptimalTolerance);
        if (best.Count == 0)
        {
            throw new InvalidOperationException($"No hardware is feasible for {condition}; widen data.draw.mac_budget or data.draw.sram_budget_kb.");
        }

        using IDisposable scope = NewDisposeScope();
        ValueBatch metrics = Evaluate(ConditionValues(new[] { condition }), Space.IndexTensor(new[] { best[0] }).unsqueeze(0)).Metrics;
        return new LabelledCondition(condition, best[0], MetricNames.ToDictionary(m => m, m => metrics[m].reshape(-1)[0].item<double>()), best);
    }

    /// <inheritdoc/>
    public ValueBatch ConditionValues(IReadOnlyList<Condition> conditions) =>
        NetworkConditionFields.Batch(conditions.Select(c => (c, AsNetwork(c.Workload))).ToList(), MaxLayers);

    /// <summary>
    /// Every layer of every candidate through the systolic model ([Q, N, L]), weighted by its repeats and
    /// summed: cycles, accesses and energy add up; area is the hardware's; utilization is MACs over PE-cycles.
    /// </summary>
    public CandidateEvaluation Evaluate(ValueBatch conditionValues, Tensor candidates, EvaluationModel model = EvaluationModel.Exact)
    {
        ValueBatch values = Space.Values(candidates);
        Tensor dataflows = stack(Enumerable.Range(0, MaxLayers).Select(l => values[SystolicNetworkSpace.DataflowName(l)]).ToArray(), -1);
        ValueBatch layerDesigns = LayerDesigns(values, dataflows, 1);
        ValueBatch perLayer = Model(model).EvaluateChunked(layerDesigns, NetworkConditionFields.LayerConditions(conditionValues));
        if (model == EvaluationModel.Exact && EvaluationLedger.Current is EvaluationLedger ledger)
        {
            int[] layers = NetworkCharges.LayerCounts(conditionValues);
            int hardware = SystolicNetworkSpace.HardwareParameters.Count;
            ledger.ChargeDesigns(conditionValues, candidates, (q, design) => Enumerable.Range(0, layers[q]).Select(l => _charges.LayerRun(design, l, design[hardware + l])));
        }

        return Totals(conditionValues, values, perLayer);
    }

    /// <summary>
    /// The model's closed-form lower bounds, layer by layer, summed as <see cref="Evaluate"/> sums. With
    /// <paramref name="completeMappings"/> each layer takes the least bound over the three dataflows, a bound on
    /// whatever dataflow completion then picks. One query at a time, so a batch of networks stays small.
    /// </summary>
    public CandidateEvaluation? EvaluateBounds(ValueBatch conditionValues, Tensor candidates, bool completeMappings)
    {
        var parts = new List<CandidateEvaluation>();
        for (long q = 0; q < candidates.shape[0]; q++)
        {
            ValueBatch condition = conditionValues.Map(t => t.narrow(0, q, 1));
            Tensor part = candidates.narrow(0, q, 1);
            ValueBatch values = Space.Values(part);
            ValueBatch perLayer;
            if (completeMappings)
            {
                ValueBatch all = _model.EvaluateBounds(LayerDesigns(values, AllDataflows, 0), NetworkConditionFields.LayerConditions(condition).Map(t => t.unsqueeze(0)));
                perLayer = all.Map(t => t.amin(new long[] { 0 }));
            }
            else
            {
                Tensor dataflows = stack(Enumerable.Range(0, MaxLayers).Select(l => values[SystolicNetworkSpace.DataflowName(l)]).ToArray(), -1);
                perLayer = _model.EvaluateBounds(LayerDesigns(values, dataflows, 1), NetworkConditionFields.LayerConditions(condition));
            }

            EvaluationLedger.Current?.ChargeAnalytic(part.shape[1] * NetworkCharges.LayerCounts(condition)[0] * (completeMappings ? DataflowCount : 1));
            parts.Add(Totals(condition, values, perLayer));
        }

        return new CandidateEvaluation(
            new ValueBatch(MetricNames.Select(n => new KeyValuePair<string, Tensor>(n, cat(parts.Select(p => p.Metrics[n].expand(1, candidates.shape[1])).ToArray())))),
            cat(parts.Select(p => p.Feasible.expand(1, candidates.shape[1])).ToArray()),
            cat(parts.Select(p => p.Violation.expand(1, candidates.shape[1])).ToArray()));
    }

    /// <summary>The three dataflows along a leading dim, against layer designs [Q, N, L].</summary>
    private static Tensor AllDataflows => tensor(new[] { 0.0, 1.0, 2.0 }, ScalarType.Float64).view(3, 1, 1, 1);

    /// <summary>Per-layer designs: the hardware [Q, N] given a trailing layer dim (and <paramref name="leading"/> leading singleton dims), with <paramref name="dataflows"/>.</summary>
    private static ValueBatch LayerDesigns(ValueBatch values, Tensor dataflows, int leading)
    {
        var designs = new ValueBatch { [P.Dataflow] = dataflows };
        foreach (string name in SystolicNetworkSpace.HardwareParameters)
        {
            Tensor hardware = values[name].unsqueeze(-1);
            designs[name] = leading == 0 ? hardware.unsqueeze(0) : hardware;
        }

        return designs;
    }

    /// <summary>Per-layer metrics [Q, N, L] weighted by repeats and summed into the network's metrics, with feasibility.</summary>
    private CandidateEvaluation Totals(ValueBatch conditionValues, ValueBatch values, ValueBatch perLayer)
    {
        ValueBatch layerConditions = NetworkConditionFields.LayerConditions(conditionValues);
        Tensor repeats = conditionValues[NetworkConditionFields.LayerRepeats].unsqueeze(1);
        var metrics = new ValueBatch();
        foreach (string name in MetricNames.Where(m => m is not (Metric.Area or Metric.Utilization)))
        {
            metrics[name] = (perLayer[name] * repeats).sum(-1);
        }

        metrics[Metric.Area] = perLayer[Metric.Area].select(-1, 0);
        Tensor macs = (layerConditions[GemmFields.M] * layerConditions[GemmFields.N] * layerConditions[GemmFields.K] * repeats).sum(-1);
        metrics[Metric.Utilization] = macs / (metrics[Metric.ComputeCycles] * values[P.Rows] * values[P.Cols]);

        ValueBatch bounds = ScalarOnly(conditionValues).Map(t => t.unsqueeze(1));
        return new CandidateEvaluation(metrics, Objective.Feasible(values, metrics, bounds), Objective.Violation(values, metrics, bounds));
    }

    /// <summary>Each layer's best dataflow for each candidate's hardware: all three dataflows evaluated per layer.</summary>
    public Tensor CompleteMappings(ValueBatch conditionValues, Tensor candidates, EvaluationModel model = EvaluationModel.Exact)
    {
        ValueBatch values = Space.Values(candidates);
        ValueBatch layerDesigns = LayerDesigns(values, AllDataflows, 0);
        ValueBatch perLayer = Model(model).EvaluateChunked(layerDesigns, NetworkConditionFields.LayerConditions(conditionValues).Map(t => t.unsqueeze(0)));
        Tensor cycles = perLayer[Metric.TotalCycles];
        (Tensor best, _) = Objectives.Lexicographic.ArgMin(ones_like(cycles, ScalarType.Bool), new[] { cycles, perLayer[Metric.Energy] }, 0);
        int first = Space.IndexOf(SystolicNetworkSpace.DataflowName(0));
        Tensor completed = candidates.clone();
        completed.narrow(-1, first, MaxLayers).copy_(best);
        if (model == EvaluationModel.Exact && EvaluationLedger.Current is EvaluationLedger ledger)
        {
            // Completion runs every real layer under each dataflow on the candidate's hardware.
            int[] layers = NetworkCharges.LayerCounts(conditionValues);
            ledger.ChargeLayers(conditionValues, candidates, (q, design) =>
                Enumerable.Range(0, layers[q]).SelectMany(l => Enumerable.Range(0, DataflowCount).Select(d => _charges.LayerRun(design, l, d))));
        }

        return completed;
    }

    private SystolicCostModel Model(EvaluationModel model) => model == EvaluationModel.Exact ? _model : _streaming;

    /// <inheritdoc/>
    public Condition Query(Workload workload, IReadOnlyDictionary<string, double> given, Func<ConditionField, string>? shown = null)
    {
        Network network = workload as Network
            ?? throw new UsageException($"task {Name} takes a network: network:NAME (see gandse networks) or network:NAME:MxNxK;MxNxK*R;…");
        return Conditions.Build(AsNetwork(network), given, $"task {Name}", shown);
    }

    /// <summary>The network as the slots hold it: layers of equal shape merged when there are more layers than slots.</summary>
    private Network AsNetwork(Workload workload)
    {
        Network network = workload as Network ?? throw new UsageException($"task {Name} needs a network, got {workload.Spec}");
        if (network.Layers.Count <= MaxLayers)
        {
            return network;
        }

        Network merged = network.MergeEqualShapes();
        return merged.Layers.Count <= MaxLayers
            ? merged
            : throw new UsageException($"network '{network.Name}' has {merged.Layers.Count} distinct layer shapes; this checkpoint's space has {MaxLayers} layer slots");
    }

    private ValueBatch ScalarOnly(ValueBatch values) =>
        new(Conditions.Names.Where(values.Contains).Select(name => new KeyValuePair<string, Tensor>(name, values[name])));
}
