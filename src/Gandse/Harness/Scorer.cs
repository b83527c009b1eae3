using System.Diagnostics;
using Gandse.Conditions;
using Gandse.CostModels;
using Gandse.Methods;
using Gandse.Objectives;
using Gandse.Tasks;
using Gandse.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace Gandse.Harness;

/// <summary>Answers labelled queries with a method (propose, verify exactly, keep the best) and scores the answers.</summary>
public static class Scorer
{
    /// <summary>
    /// Every query answered on its own, as a user's query would be, and timed from proposal to verified answer.
    /// </summary>
    public static IReadOnlyList<QueryOutcome> ScoreEach(IDseTask task, IMethod method, IReadOnlyList<LabelledCondition> queries, int candidates, bool completeMappings = false, int calls = 0)
    {
        var outcomes = new List<QueryOutcome>(queries.Count);
        foreach (LabelledCondition query in queries)
        {
            using IDisposable scope = NewDisposeScope();
            var stopwatch = Stopwatch.StartNew();
            RankedCandidate best = Answer(task, method, new[] { query.Condition }, candidates, 1, completeMappings, out _, out IReadOnlyList<EvaluationCount> charged, calls)[0][0];
            double milliseconds = stopwatch.Elapsed.TotalMilliseconds;
            outcomes.Add(Outcome(task, query, best, milliseconds) with { Calls = charged[0] });
        }

        return outcomes;
    }

    /// <summary>All queries in one batch (faster; per-query time is the batch time divided evenly).</summary>
    public static IReadOnlyList<QueryOutcome> ScoreBatch(IDseTask task, IMethod method, IReadOnlyList<LabelledCondition> queries, int candidates, bool completeMappings = false)
    {
        using IDisposable scope = NewDisposeScope();
        var stopwatch = Stopwatch.StartNew();
        IReadOnlyList<IReadOnlyList<RankedCandidate>> ranked = Answer(
            task, method, queries.Select(q => q.Condition).ToList(), candidates, 1, completeMappings, out _, out IReadOnlyList<EvaluationCount> calls);
        double milliseconds = stopwatch.Elapsed.TotalMilliseconds / queries.Count;
        return queries.Select((query, i) => Outcome(task, query, ranked[i][0], milliseconds) with { Calls = calls[i] }).ToList();
    }

    /// <summary>Proposes, verifies with the exact cost model and ranks: the best <paramref name="count"/> per condition.</summary>
    public static IReadOnlyList<IReadOnlyList<RankedCandidate>> Answer(
        IDseTask task, IMethod method, IReadOnlyList<Condition> conditions, int candidates, int count, bool completeMappings = false) =>
        Answer(task, method, conditions, candidates, count, completeMappings, out _, out _);

    /// <summary>
    /// As above; <paramref name="checkedCount"/> is how many candidates the exact cost model checked. Only those
    /// that could rank are checked (<see cref="BoundedVerification"/>): the answer is the one a full check gives.
    /// <paramref name="calls"/> holds, per condition, every evaluation answering it caused, the method's own included.
    /// </summary>
    /// <param name="task">The task whose cost model verifies the candidates.</param>
    /// <param name="method">The method that proposes them.</param>
    /// <param name="conditions">The queries.</param>
    /// <param name="candidates">Candidates proposed per query.</param>
    /// <param name="count">How many best candidates per query come back.</param>
    /// <param name="completeMappings">Complete per-layer mappings before verification (network tasks).</param>
    /// <param name="checkedCount">How many candidates the exact cost model checked, over all queries.</param>
    /// <param name="calls">Per condition, every evaluation answering it caused.</param>
    /// <param name="callLimit">The most distinct designs per condition to evaluate exactly (<see cref="CallBudget"/>); 0 for no limit.</param>
    public static IReadOnlyList<IReadOnlyList<RankedCandidate>> Answer(
        IDseTask task, IMethod method, IReadOnlyList<Condition> conditions, int candidates, int count, bool completeMappings, out long checkedCount, out IReadOnlyList<EvaluationCount> calls,
        int callLimit = 0)
    {
        using EvaluationLedger ledger = EvaluationLedger.Open();
        Tensor proposals = method.Propose(conditions, candidates);
        if (callLimit > 0)
        {
            proposals = CallBudget.FirstDistinct(proposals, callLimit);
        }

        ValueBatch values = task.ConditionValues(conditions);
        (CandidateEvaluation evaluation, checkedCount, proposals) = BoundedVerification.Evaluate(task, values, proposals, count, completeMappings);
        calls = Charges(ledger, values, conditions.Count);
        return CandidateRanking.Rank(task, evaluation, proposals, count);
    }

    /// <summary>Each condition's charge; closed-form proposal features are shared evenly, as the method computes them batched.</summary>
    public static IReadOnlyList<EvaluationCount> Charges(EvaluationLedger ledger, ValueBatch values, int conditions) =>
        Enumerable.Range(0, conditions)
            .Select(q => ledger.CountOf(values.Map(t => t.narrow(0, q, 1))) with { Analytic = (double)ledger.Analytic / conditions })
            .ToList();

    /// <summary>The method's candidates (with completed mappings when asked) and the exact evaluation of every one, in proposal order.</summary>
    public static (Tensor Proposals, CandidateEvaluation Evaluation) Verify(
        IDseTask task, IMethod method, IReadOnlyList<Condition> conditions, int candidates, bool completeMappings)
    {
        Tensor proposals = Propose(task, method, conditions, candidates, completeMappings, out ValueBatch values);
        return (proposals, task.Evaluate(values, proposals));
    }

    private static Tensor Propose(IDseTask task, IMethod method, IReadOnlyList<Condition> conditions, int candidates, bool completeMappings, out ValueBatch values)
    {
        Tensor proposals = method.Propose(conditions, candidates);
        values = task.ConditionValues(conditions);
        return completeMappings ? task.CompleteMappings(values, proposals) : proposals;
    }

    /// <summary>The outcome of <paramref name="answer"/> for a labelled query: feasibility, cost, quality against the optimum.</summary>
    public static QueryOutcome Outcome(IDseTask task, LabelledCondition query, RankedCandidate answer, double milliseconds)
    {
        string cost = task.Objective.PrimaryMetric;
        bool exact = answer.Feasible && task.Objective.Minimise.All(k => answer.Metrics[k] == query.OptimumMetrics[k]);
        ConstraintDefinition? constraint = task.Objective.Target;
        double? target = constraint is null ? null : query.Condition.Bound(constraint.Bound);
        double? achieved = target is null ? null : answer.Metrics[constraint!.Metric ?? throw new InvalidOperationException($"Target '{constraint.Bound}' names no metric.")];
        double? targetError = target is null ? null : Math.Abs(achieved!.Value - target.Value) / target.Value;
        return new QueryOutcome(answer.Design, answer.Feasible, answer.Metrics[cost], query.OptimumMetrics[cost], exact, targetError, milliseconds)
        {
            TargetMet = target is null ? null : achieved <= target.Value,
        };
    }
}
