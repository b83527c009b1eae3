using Gandse.Conditions;
using Gandse.Config;
using Gandse.Methods.Baselines;
using Gandse.Objectives;
using Gandse.Tasks;
using Gandse.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace Gandse.Methods.Bayesian;

/// <summary>
/// Bayesian optimisation per query (<c>bo</c>), as the BO baselines of Spotlight and Apollo: a GP with a
/// Matérn-5/2 × overlap kernel over the task's design space, expected improvement (or UCB), the known budgets
/// enforced before any evaluation, and the constraints only evaluation can check (a latency target, an area
/// budget) given a feasibility model (<c>methods.bo.feasibility: model</c>, a GP on the worst slack, log2 of
/// usage over limit, for constrained expected improvement) or folded into the objective as <see cref="Fitness"/>
/// does (<c>penalty</c>: a 1024× cost for infeasibility, plus the violation). Every evaluation is a counted call
/// of the task's cost model; the proposals are the evaluated designs, in order.
/// </summary>
public sealed class BayesianSearch : IMethod
{
    private readonly IDseTask _task;
    private readonly BoSettings _settings;
    private readonly Generator _sampler;
    private readonly TransferMemory? _memory;

    /// <summary>A search on <paramref name="task"/> with <paramref name="settings"/>, seeded by <paramref name="seed"/>.</summary>
    /// <param name="task">The task whose queries it answers.</param>
    /// <param name="settings">Its <c>methods.bo</c> settings.</param>
    /// <param name="seed">Seeds its random choices.</param>
    /// <param name="transfer">
    /// bo-transfer (after Apollo): the GP reads the condition's features beside the design and keeps up to
    /// <c>methods.bo.transfer_points</c> observations of the queries this instance answered before, so a query
    /// after related ones (the same workload under another budget, a neighbouring layer) starts warm. Those
    /// earlier evaluations were charged to their own queries; this query is charged only the calls it makes.
    /// </param>
    public BayesianSearch(IDseTask task, BoSettings settings, long seed, bool transfer = false)
    {
        _task = task;
        _settings = settings;
        _sampler = new Generator((ulong)seed);
        _memory = transfer ? new TransferMemory(settings.TransferPoints) : null;
    }

    /// <summary>Stops a query's search between rounds (OperationCanceledException) when an interrupt asks for it.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <inheritdoc/>
    public string Name => _memory is null ? "bo" : "bo-transfer";

    /// <inheritdoc/>
    public Tensor Propose(IReadOnlyList<Condition> conditions, int candidates)
    {
        var answers = new List<Tensor>(conditions.Count);
        var loop = new BayesianLoop(_task.Space, _settings, _sampler) { Cancellation = Cancellation };
        foreach (Condition condition in conditions)
        {
            ValueBatch values = _task.ConditionValues(new[] { condition });
            List<ConstraintDefinition> unknown = _settings.Feasibility == "model" ? UnknownConstraints(values) : new();
            Tensor evaluated = loop.Run(
                candidates,
                designs => Evaluate(designs, values, unknown),
                designs => KnownFeasible(designs, values),
                constrained: unknown.Count > 0,
                _memory,
                _memory is null ? null : _task.Features(new[] { condition })[0]);
            // A space smaller than the budget ends early; the rest repeat the first design, which costs no call.
            if (evaluated.shape[0] < candidates)
            {
                evaluated = cat(new[] { evaluated, evaluated.narrow(0, 0, 1).expand(candidates - evaluated.shape[0], -1) }, 0);
            }

            answers.Add(evaluated.unsqueeze(0));
        }

        return cat(answers, 0);
    }

    /// <summary>
    /// Without unknown constraints, the searches' fitness; with them, −log2 of the primary cost and the worst
    /// slack, log2 of usage over limit (≤ 0 when every one holds).
    /// </summary>
    private BayesianEvaluation Evaluate(Tensor designs, ValueBatch values, List<ConstraintDefinition> unknown)
    {
        CandidateEvaluation evaluation = _task.Evaluate(values, designs.unsqueeze(0));
        if (unknown.Count == 0)
        {
            return new BayesianEvaluation(Fitness.Of(_task, evaluation).squeeze(0), null);
        }

        ValueBatch metrics = evaluation.Metrics.Map(m => m.squeeze(0));
        ValueBatch designValues = _task.Space.Values(designs);
        Tensor slack = stack(unknown.Select(c => (c.Usage(designValues, metrics).clamp_min(1e-12) / values[c.Bound]).log2()).ToArray(), 0).amax(new long[] { 0 });
        return new BayesianEvaluation(-metrics[_task.Objective.PrimaryMetric].clamp_min(1e-9).log2(), slack);
    }

    /// <summary>The query's constraints on metrics (a latency target, an area budget) with a finite limit.</summary>
    private List<ConstraintDefinition> UnknownConstraints(ValueBatch values) =>
        _task.Objective.Constraints.Where(c => c.Metric is not null && values.TryGet(c.Bound, out Tensor bound) && bound.isfinite().all().item<bool>()).ToList();

    /// <summary>The constraints on design values alone (budgets of MACs and SRAM), checked without the cost model.</summary>
    private Tensor KnownFeasible(Tensor designs, ValueBatch conditions)
    {
        ValueBatch values = _task.Space.Values(designs);
        Tensor ok = ones(designs.shape[0], dtype: ScalarType.Bool);
        foreach (ConstraintDefinition constraint in _task.Objective.Constraints.Where(c => c.Metric is null))
        {
            if (conditions.TryGet(constraint.Bound, out Tensor bound))
            {
                ok = ok & (constraint.Usage(values, new ValueBatch()) <= bound);
            }
        }

        return ok;
    }
}
