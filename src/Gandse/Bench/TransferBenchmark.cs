using Gandse.Config;
using Gandse.Conditions;
using Gandse.CostModels.Systolic;
using Gandse.Methods;
using Gandse.Methods.Bayesian;
using Gandse.Tasks;
using Gandse.Tensors;
using Gandse.Workloads;
using static TorchSharp.torch;

namespace Gandse.Bench;

/// <summary>
/// <c>gandse bench transfer</c>: bo against bo-transfer on sequences of related systolic-gemm queries, after
/// Apollo's transfer between constraints. Two kinds of sequence: one GEMM under the four MAC budgets in rising
/// order, and windows of neighbouring layers of built-in networks under one budget. Each sequence gets a fresh
/// bo-transfer, so what it transfers comes from the earlier queries of that sequence alone; every query is
/// scored against its exact optimum after each call.
/// </summary>
public sealed class TransferBenchmark
{
    private static readonly double[] MacBudgets = { 256, 1024, 4096, 16384 };
    private static readonly string[] Networks = { "resnet50", "vgg16", "mobilenetv2", "bert-base" };
    private readonly int _sequences;
    private readonly int _budget;
    private readonly long _seed;

    /// <summary>A benchmark of <paramref name="sequences"/> sequences of each kind, <paramref name="budget"/> calls per query.</summary>
    public TransferBenchmark(int sequences, int budget, long seed)
    {
        _sequences = sequences;
        _budget = budget;
        _seed = seed;
    }

    /// <summary>The sequences it answers: GEMMs drawn log-uniformly like the training data, layers of the built-in networks.</summary>
    public IReadOnlyList<TransferSequence> Sequences(DataConfig data)
    {
        var random = new Random((int)_seed);
        long Dim() => (long)Math.Round(Math.Exp(Math.Log(data.DimMin) + (random.NextDouble() * (Math.Log(data.DimMax) - Math.Log(data.DimMin)))));
        var sequences = new List<TransferSequence>();
        for (int s = 0; s < _sequences; s++)
        {
            var gemm = new Gemm(Dim(), Dim(), Dim());
            sequences.Add(new TransferSequence("budgets", $"{gemm.M}x{gemm.N}x{gemm.K}", MacBudgets.Select(b => Query(gemm, b)).ToList()));
        }

        for (int s = 0; s < _sequences; s++)
        {
            Network network = BuiltInNetworks.Get(Networks[s % Networks.Length]);
            var layers = network.Gemms.Distinct().ToList();
            int start = random.Next(Math.Max(1, layers.Count - 3));
            sequences.Add(new TransferSequence("layers", $"{network.Name}@{start}", layers.Skip(start).Take(4).Select(g => Query(g, 4096)).ToList()));
        }

        return sequences;
    }

    /// <summary>Answers every sequence with bo and with bo-transfer; <paramref name="progress"/> gets a line per sequence.</summary>
    public IReadOnlyList<TransferQuery> Run(Action<string>? progress = null)
    {
        var config = new ExperimentConfig { Task = "systolic-gemm" };
        IDseTask task = TaskCatalog.Create(config);
        IReadOnlyList<TransferSequence> sequences = Sequences(config.Data);
        var answered = new List<TransferQuery>();
        for (int s = 0; s < sequences.Count; s++)
        {
            TransferSequence sequence = sequences[s];
            var labelled = sequence.Conditions.Select(c => task.Label(new ConditionDraft(c, 1), config.Data)).ToList();
            foreach (bool transfer in new[] { false, true })
            {
                // One instance per sequence: bo-transfer carries only that sequence's earlier queries.
                IMethod method = new BayesianSearch(task, config.Methods.Bo, _seed + s, transfer);
                for (int q = 0; q < labelled.Count; q++)
                {
                    using IDisposable scope = NewDisposeScope();
                    var conditions = new[] { labelled[q].Condition };
                    ValueBatch values = task.ConditionValues(conditions);
                    Tensor proposals = method.Propose(conditions, _budget);
                    CandidateEvaluation evaluation = task.Evaluate(values, proposals);
                    answered.Add(new TransferQuery(method.Name, sequence.Kind, sequence.Name, q, Curve(task, labelled[q], evaluation)));
                }
            }

            progress?.Invoke($"{s + 1}/{sequences.Count} sequences ({sequence.Kind} {sequence.Name})");
        }

        return answered;
    }

    private static Condition Query(Gemm gemm, double macBudget) => SystolicConditions.Of(gemm, 16, macBudget, 1536);

    private static double[] Curve(IDseTask task, LabelledCondition query, CandidateEvaluation evaluation)
    {
        double optimum = query.OptimumMetrics[task.Objective.PrimaryMetric];
        return Harness.BestSoFar.Costs(evaluation, task.Objective.PrimaryMetric).Select(best => double.IsFinite(best) ? optimum / best : 0).ToArray();
    }
}
