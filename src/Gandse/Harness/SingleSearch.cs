using System.Diagnostics;
using Gandse.Conditions;
using Gandse.Config;
using Gandse.CostModels;
using Gandse.Data;
using Gandse.Methods;
using Gandse.Tasks;
using Gandse.Tensors;
using static TorchSharp.torch;

namespace Gandse.Harness;

/// <summary>
/// One query searched by one method that trains nothing (<c>gandse search</c>): the same counted budget, the
/// same verification and the same charges as a comparison, for a user's own query.
/// </summary>
public static class SingleSearch
{
    /// <summary>The methods it can run: those that need no training.</summary>
    public static IReadOnlyList<string> Methods => MethodCatalog.Names.Where(n => !MethodCatalog.Get(n).Trains && MethodCatalog.Get(n).VariantOf is null).ToList();

    /// <summary>Searches <paramref name="condition"/> with <paramref name="method"/> under a budget of <paramref name="budget"/> distinct evaluated designs.</summary>
    public static SearchResult Run(ExperimentConfig config, IDseTask task, string method, Condition condition, int budget, long seed)
    {
        MethodEntry entry = MethodCatalog.Get(method, "--method");
        if (!Methods.Contains(entry.Name))
        {
            throw new UsageException($"--method {method} trains before it answers; search runs {string.Join(", ", Methods)} (compare and train run the others)");
        }

        using IDisposable scope = NewDisposeScope();
        var none = Array.Empty<LabelledCondition>();
        IMethod search = entry.Build(new MethodContext(config, task, new Dataset(task.Name, string.Empty, none, none, none), seed, Path.GetTempPath(), HarnessValidator.Instance) { RunName = entry.Name });
        var stopwatch = Stopwatch.StartNew();
        var conditions = new[] { condition };
        using EvaluationLedger ledger = EvaluationLedger.Open();
        ValueBatch values = task.ConditionValues(conditions);
        Tensor proposals = search.Propose(conditions, budget);
        CandidateEvaluation evaluation = task.Evaluate(values, proposals);
        RankedCandidate best = CandidateRanking.Rank(task, evaluation, proposals, 1)[0][0];
        EvaluationCount calls = Scorer.Charges(ledger, values, 1)[0];
        double elapsed = stopwatch.Elapsed.TotalMilliseconds;

        double[] curve = BestSoFar.Costs(evaluation, task.Objective.PrimaryMetric);
        return new SearchResult(entry.Name, best, calls, elapsed, curve);
    }
}
