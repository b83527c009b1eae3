using System.Diagnostics;
using Gandse.Config;
using Gandse.Data;
using Gandse.Methods;
using Gandse.Methods.Baselines;
using Gandse.Methods.Gan;
using Gandse.Tasks;
using static TorchSharp.torch;

namespace Gandse.Harness;

/// <summary>
/// The comparison protocol: the same held-out test queries, the same seeds and the same budget of cost-model
/// calls per query for every method; trained methods train on the same training split. Each query is
/// answered on its own and timed from proposal to verified answer.
/// </summary>
public static class Comparison
{
    /// <summary>Runs every method of <c>compare.methods</c> over every seed on the test split; <see cref="ComparisonReport"/> writes the report.</summary>
    /// <param name="cancellation">Stops after the current query: the finished method runs are returned, marked partial, and kept for <paramref name="resume"/>.</param>
    /// <param name="resume">Continue the comparison in <paramref name="outputDirectory"/>: the method runs it finished are kept, the rest are run.</param>
    /// <param name="config">The comparison experiment.</param>
    /// <param name="outputDirectory">The comparison folder: progress is kept here after each method run.</param>
    /// <param name="progress">Gets a line per phase and per method run.</param>
    public static ComparisonResult Run(ExperimentConfig config, string outputDirectory, Action<string>? progress = null, CancellationToken cancellation = default, bool resume = false)
    {
        ConfigValidator.Validate(config);
        var stopwatch = Stopwatch.StartNew();
        CompareConfig compare = config.Compare;
        compare.Methods.ForEach(name => MethodCatalog.Configure(MethodCatalog.Get(name), config));
        if (compare.Methods.Contains("gan") && config.Methods.Gan.Checkpoint.Length > 0)
        {
            GanCheckpoint.Resolve(config.Methods.Gan.Checkpoint);
        }

        IDseTask task = TaskCatalog.Create(config);
        void Labelled(int done, int total)
        {
            if (done == 1 || done == total || done % Math.Max(1, total / 10) == 0)
            {
                progress?.Invoke($"dataset: labelled {done}/{total} conditions with their exact optima");
            }
        }

        // Searches need no training data: a comparison of searches alone labels only the split it answers.
        bool trains = compare.Methods.Any(n => Trains(MethodCatalog.Get(n), config));
        Dataset dataset = trains
            ? DatasetBuilder.LoadOrBuild(config, task, Labelled, cancellation).Dataset
            : SplitOnly(config, task, compare.Split, Labelled);
        IReadOnlyList<LabelledCondition> queries = dataset.Split(compare.Split).Take(compare.Queries).ToList();
        int[] checkpoints = CallCheckpoints(compare.Budget);
        (IReadOnlyList<MethodRun> earlierRuns, TimeSpan earlier) = resume ? ComparisonProgress.Load(outputDirectory, config) : (new List<MethodRun>(), TimeSpan.Zero);
        var runs = earlierRuns.ToList();
        ComparisonResult Result(bool partial) =>
            new(config, task.Name, queries.Count, checkpoints, Ordered(runs, compare), earlier + stopwatch.Elapsed) { Partial = partial, Anchors = task.LiteratureAnchors };
        for (int s = 0; s < compare.Seeds; s++)
        {
            long seed = config.Seed + s;
            foreach (string name in compare.Methods)
            {
                if (runs.Any(r => r.Seed == seed && r.Method == name))
                {
                    continue;
                }

                if (cancellation.IsCancellationRequested)
                {
                    return Result(partial: true);
                }

                progress?.Invoke($"seed {seed}: {name}: training");
                IMethod method;
                double trainingSeconds;
                try
                {
                    (method, trainingSeconds) = Build(name, config, task, dataset, seed, outputDirectory, cancellation);
                }
                catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
                {
                    return Result(partial: true);
                }

                if (cancellation.IsCancellationRequested)
                {
                    // Stopped while training: a part-trained method is not scored.
                    return Result(partial: true);
                }

                progress?.Invoke($"seed {seed}: {name}: answering {queries.Count} queries, at most {compare.Budget} distinct designs each");
                MethodRun? run = Score(name, task, method, queries, compare.Budget, compare.TopUpRounds, checkpoints, seed, trainingSeconds, config.Generate.CompleteMappings, cancellation);
                if (run is null)
                {
                    return Result(partial: true);
                }

                runs.Add(run);
                ComparisonProgress.Save(outputDirectory, config, runs, earlier + stopwatch.Elapsed);
            }
        }

        return Result(partial: false);
    }

    /// <summary>Runs by seed, then in <c>compare.methods</c> order, however a resume interleaved them.</summary>
    private static List<MethodRun> Ordered(List<MethodRun> runs, CompareConfig compare) =>
        runs.OrderBy(r => r.Seed).ThenBy(r => compare.Methods.IndexOf(r.Method)).ToList();

    private static Dataset SplitOnly(ExperimentConfig config, IDseTask task, string split, Action<int, int> progress)
    {
        IReadOnlyList<LabelledCondition> labelled = DatasetBuilder.LoadOrBuildSplit(config, task, split, progress);
        var none = Array.Empty<LabelledCondition>();
        return new Dataset(task.Name, string.Empty, none, split == "val" ? labelled : none, split == "test" ? labelled : none);
    }

    private static (IMethod Method, double TrainingSeconds) Build(string name, ExperimentConfig config, IDseTask task, Dataset dataset, long seed, string outputDirectory, CancellationToken cancellation)
    {
        MethodEntry entry = MethodCatalog.Get(name);
        var stopwatch = Stopwatch.StartNew();
        IMethod method = entry.Build(new MethodContext(config, task, dataset, seed, outputDirectory, HarnessValidator.Instance, cancellation) { RunName = name });
        return (method, Trains(entry, config) ? stopwatch.Elapsed.TotalSeconds : 0);
    }

    /// <summary>Whether the method trains here (and is charged for it): not a GAN answering from a given checkpoint.</summary>
    private static bool Trains(MethodEntry entry, ExperimentConfig config) =>
        entry.Trains && !((entry.VariantOf ?? entry.Name) == "gan" && MethodCatalog.Configure(entry, config).Methods.Gan.Checkpoint.Length > 0);

    /// <summary>One method's run over the queries; null when stopped before the last query (an unfinished run is not kept).</summary>
    private static MethodRun? Score(
        string name, IDseTask task, IMethod method, IReadOnlyList<LabelledCondition> queries, int budget, int topUpRounds, int[] checkpoints, long seed, double trainingSeconds, bool completeMappings, CancellationToken cancellation)
    {
        var outcomes = new List<QueryOutcome>(queries.Count);
        var curve = new double[checkpoints.Length];
        var scoreCurve = new double[checkpoints.Length];
        var exactCurve = new double[checkpoints.Length];
        int firstIsLabel = 0;
        foreach (LabelledCondition query in queries)
        {
            if (cancellation.IsCancellationRequested)
            {
                return null;
            }

            using IDisposable scope = NewDisposeScope();
            var stopwatch = Stopwatch.StartNew();
            var conditions = new[] { query.Condition };
            using CostModels.EvaluationLedger ledger = CostModels.EvaluationLedger.Open();
            Tensors.ValueBatch values = task.ConditionValues(conditions);
            TorchSharp.torch.Tensor proposals;
            try
            {
                proposals = MeasuredBudget.Fill(
                    () => completeMappings ? task.CompleteMappings(values, method.Propose(conditions, budget)) : method.Propose(conditions, budget),
                    ledger, values, budget, topUpRounds, out _);
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                return null;
            }
            CandidateEvaluation evaluation = task.Evaluate(values, proposals);
            RankedCandidate best = CandidateRanking.Rank(task, evaluation, proposals, 1)[0][0];
            CostModels.EvaluationCount calls = Scorer.Charges(ledger, values, 1)[0];
            outcomes.Add(Scorer.Outcome(task, query, best, stopwatch.Elapsed.TotalMilliseconds) with { Calls = calls });

            double optimum = query.OptimumMetrics[task.Objective.PrimaryMetric];
            // The curve's x is calls spent. MeasuredBudget left each design once, in proposal order, so design i is
            // call i + 1; checkpoints past a method's last design keep its final best.
            double[] least = BestSoFar.Costs(evaluation, task.Objective.PrimaryMetric);
            for (int c = 0; c < checkpoints.Length; c++)
            {
                double bestSoFar = least.Length == 0 ? double.PositiveInfinity : least[Math.Min(checkpoints[c], least.Length) - 1];
                curve[c] += double.IsFinite(bestSoFar) ? Math.Log(optimum / bestSoFar) : Math.Log(1e-3);
                scoreCurve[c] += double.IsFinite(bestSoFar) ? optimum / bestSoFar : 0;
                exactCurve[c] += bestSoFar == optimum ? 1 : 0;
            }

            firstIsLabel += proposals.shape[1] > 0 && task.Space.Designs(proposals[0].narrow(0, 0, 1))[0].Equals(query.Optimum) ? 1 : 0;
        }

        (double? top1Accuracy, double? top1Feasible, double? top1Quality) = method is MlpRecommender mlp ? Top1(task, mlp, queries) : (null, null, null);
        return new MethodRun(
            name, seed, Summary.Of(outcomes, task.Objective.Target is not null), trainingSeconds, budget,
            outcomes.Select(o => o.Quality).ToList(), curve.Select(c => Math.Exp(c / queries.Count)).ToList(), top1Accuracy, top1Feasible, top1Quality)
        {
            ScoreCurve = scoreCurve.Select(c => c / queries.Count).ToList(),
            ExactCurve = exactCurve.Select(c => c / queries.Count).ToList(),
            FirstIsLabel = (double)firstIsLabel / queries.Count,
        };
    }

    /// <summary>AIrchitect's measures of the arg-max prediction alone: how often it is an optimal design, how often feasible, and its quality.</summary>
    private static (double? Accuracy, double? Feasible, double? Quality) Top1(IDseTask task, MlpRecommender mlp, IReadOnlyList<LabelledCondition> queries)
    {
        using IDisposable scope = NewDisposeScope();
        var conditions = queries.Select(q => q.Condition).ToList();
        TorchSharp.torch.Tensor predicted = mlp.Predict(conditions).unsqueeze(1);
        CandidateEvaluation evaluation = task.Evaluate(task.ConditionValues(conditions), predicted);
        IReadOnlyList<IReadOnlyList<RankedCandidate>> ranked = CandidateRanking.Rank(task, evaluation, predicted, 1);
        var outcomes = queries.Select((q, i) => Scorer.Outcome(task, q, ranked[i][0], 0)).ToList();
        Summary summary = Summary.Of(outcomes, hasTarget: false);
        return (summary.ExactMatch, summary.FeasibleRate, summary.Quality);
    }

    /// <summary>1, 2, 4, … up to the budget, and the budget itself.</summary>
    public static int[] CallCheckpoints(int budget)
    {
        var points = new List<int>();
        for (int calls = 1; calls < budget; calls *= 2)
        {
            points.Add(calls);
        }

        points.Add(budget);
        return points.ToArray();
    }
}
