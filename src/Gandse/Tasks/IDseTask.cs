using Gandse.Conditions;
using Gandse.Config;
using Gandse.Objectives;
using Gandse.Spaces;
using TorchSharp;

namespace Gandse.Tasks;

/// <summary>
/// A design-space-exploration task: the space, how conditions are drawn and encoded for networks, the exact
/// evaluation of candidates and the exact labels. An experiment config selects one.
/// </summary>
public interface IDseTask
{
    /// <summary>The task's name, as configs spell it.</summary>
    string Name { get; }

    /// <summary>The designs the task answers with.</summary>
    DesignSpace Space { get; }

    /// <summary>What a best design minimises, and the constraints it meets.</summary>
    Objective Objective { get; }

    /// <summary>The metrics <see cref="Evaluate"/> returns.</summary>
    IReadOnlyList<string> MetricNames { get; }

    /// <summary>
    /// What the labels depend on beyond <c>data.*</c>: a hash of the cost model's outputs on fixed probes and the
    /// values conditions are drawn from. Part of the dataset key, so a changed model never reuses stale labels.
    /// </summary>
    string DatasetFingerprint { get; }

    /// <summary>The condition fields a query of this task gives (budgets, environment, targets), with defaults and ranges.</summary>
    ConditionSchema Conditions { get; }

    /// <summary>The ranges of condition values the training data covered; a query outside them gets a warning.</summary>
    IReadOnlyList<ValueRange> TrainedRanges { get; }

    /// <summary>How a chained generator draws the parameters of a design (<see cref="GeneratorLayout"/>).</summary>
    GeneratorLayout Layout { get; }

    /// <summary>Width of <see cref="Features"/>.</summary>
    int FeatureCount { get; }

    /// <summary>Normalised condition features, [Q, FeatureCount] float32 (log scale for dims and budgets).</summary>
    torch.Tensor Features(IReadOnlyList<Condition> conditions);

    /// <summary>Draws the unlabelled conditions of the three splits; no workload appears in two splits.</summary>
    SplitDrafts Sample(DataConfig data, Random random);

    /// <summary>Completes a draft (a latency target, say) and labels it with its exact optimum and near-optimal designs.</summary>
    LabelledCondition Label(ConditionDraft draft, DataConfig data);

    /// <summary>The conditions as the cost model and objective read them: named [Q] float64 tensors.</summary>
    Tensors.ValueBatch ConditionValues(IReadOnlyList<Condition> conditions);

    /// <summary>Metrics, feasibility and constraint violation of candidates [Q, N, P] under Q conditions given by <see cref="ConditionValues"/>.</summary>
    CandidateEvaluation Evaluate(Tensors.ValueBatch conditionValues, torch.Tensor candidates, EvaluationModel model = EvaluationModel.Exact);

    /// <summary>
    /// Closed-form lower bounds of the candidates' metrics, with a feasibility that every truly feasible candidate
    /// passes (budgets exact, a latency target against the bound); null when the task has no bounds. With
    /// <paramref name="completeMappings"/>, bounds on the candidates as <see cref="CompleteMappings"/> would make them.
    /// Lets <see cref="Harness.BoundedVerification"/> check exactly only the candidates that could rank.
    /// </summary>
    CandidateEvaluation? EvaluateBounds(Tensors.ValueBatch conditionValues, torch.Tensor candidates, bool completeMappings);

    /// <summary>
    /// Candidates with their per-layer mappings replaced by the best for their hardware (least cycles, then
    /// energy, per layer, by <paramref name="model"/>); tasks without per-layer mappings return the candidates unchanged.
    /// </summary>
    torch.Tensor CompleteMappings(Tensors.ValueBatch conditionValues, torch.Tensor candidates, EvaluationModel model = EvaluationModel.Exact);

    /// <summary>
    /// A query from a workload and the condition values given by name (<see cref="Conditions"/>); what is missing takes
    /// the defaults, a field the task does not read is refused. <paramref name="shown"/> spells a field as the user gave it.
    /// </summary>
    Condition Query(Workloads.Workload workload, IReadOnlyDictionary<string, double> given, Func<ConditionField, string>? shown = null);

    /// <summary>
    /// What the literature reports on this task or its nearest published one, one sentence each, printed beside the
    /// measured figures in a comparison report so readers can place them; none by default.
    /// </summary>
    IReadOnlyList<string> LiteratureAnchors => Array.Empty<string>();
}
