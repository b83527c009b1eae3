using Gandse.Config;
using Gandse.Spaces;
using Gandse.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace Gandse.Methods.Bayesian;

/// <summary>
/// Bayesian optimisation of one black-box objective over a design space: a few random designs, then rounds of
/// GP fit → acquisition over random and locally mutated candidates → the best few evaluated. Designs outside
/// the known constraints (MAC and SRAM budgets, from design values alone) are never proposed. Constraints only
/// an evaluation can check (a latency target) get a feasibility model, a second GP on the slack, and the
/// acquisition is the objective's expected improvement over the best feasible value times the probability of
/// feasibility (constrained EI, Gardner et al. 2014); before anything feasible is found, that probability alone.
/// Returns every evaluated design, in order: exactly the search's calls.
/// </summary>
public sealed class BayesianLoop
{
    private readonly DesignSpace _space;
    private readonly BoSettings _settings;
    private readonly Generator _sampler;
    private readonly DesignEncoding _encoding;

    /// <summary>Checked every round: an interrupted comparison stops inside a long search, not only between queries.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>A loop over <paramref name="space"/> drawing its random choices from <paramref name="sampler"/>.</summary>
    public BayesianLoop(DesignSpace space, BoSettings settings, Generator sampler)
    {
        _space = space;
        _settings = settings;
        _sampler = sampler;
        _encoding = new DesignEncoding(space);
    }

    /// <summary>As the constrained <see cref="Run(int, Func{Tensor, BayesianEvaluation}, Func{Tensor, Tensor}, bool, TransferMemory?, Tensor?)"/>, for an objective with no unknown constraint.</summary>
    public Tensor Run(int budget, Func<Tensor, Tensor> evaluate, Func<Tensor, Tensor> allowed, TransferMemory? memory = null, Tensor? context = null) =>
        Run(budget, designs => new BayesianEvaluation(evaluate(designs), null), allowed, constrained: false, memory, context);

    /// <summary>
    /// Spends <paramref name="budget"/> evaluations: <paramref name="evaluate"/> maps designs [n, P] to their values
    /// and slacks (<see cref="BayesianEvaluation"/>), <paramref name="allowed"/> to whether each meets the known
    /// constraints. <paramref name="constrained"/> says whether the query has unknown constraints: then every
    /// evaluation carries slacks and a feasibility model is fitted to them. With a <paramref name="memory"/> (bo-transfer) the GPs read designs with the query's
    /// <paramref name="context"/> features [F] appended, condition on the earlier queries' observations as well,
    /// start from their prediction instead of random designs, and leave this query's observations in the memory.
    /// </summary>
    public Tensor Run(int budget, Func<Tensor, BayesianEvaluation> evaluate, Func<Tensor, Tensor> allowed, bool constrained, TransferMemory? memory = null, Tensor? context = null)
    {
        if ((memory is null) != (context is null))
        {
            throw new ArgumentException("a transfer memory needs the query's condition features, and only then");
        }

        (Tensor Ordinal, Tensor Categorical) Encode(Tensor designs)
        {
            (Tensor ordinal, Tensor categorical) = _encoding.Encode(designs);
            return context is null ? (ordinal, categorical) : (cat(new[] { ordinal, context.to_type(ScalarType.Float64).unsqueeze(0).expand(ordinal.shape[0], -1) }, 1), categorical);
        }

        var history = new BayesianHistory(constrained);
        void Add(Tensor batch)
        {
            BayesianEvaluation result = evaluate(batch);
            if ((result.Slack is null) == constrained)
            {
                throw new InvalidOperationException("a constrained search's evaluations carry slacks, and only then");
            }

            history.Add(Rows(batch), result.Value.to_type(ScalarType.Float64).data<double>().ToArray(), result.Slack?.to_type(ScalarType.Float64).data<double>().ToArray());
        }

        bool warm = memory is { Count: > 0 };
        if (!warm)
        {
            Add(Pick(Candidates(Math.Max(64, _settings.InitialDesigns * 16), history, local: 0), allowed, history.Seen, Math.Min(budget, _settings.InitialDesigns), null));
        }

        int dims = _encoding.OrdinalDims + (int)(context?.shape[0] ?? 0);
        var objective = new GaussianProcess(dims);
        var feasibility = new GaussianProcess(dims);
        for (int round = 0; history.Count < budget; round++)
        {
            Cancellation.ThrowIfCancellationRequested();
            using DisposeScope scope = NewDisposeScope();
            int batch = Math.Clamp(history.Count / 4, 1, Math.Min(_settings.MaxBatch, budget - history.Count));
            BayesianObservations observed = BayesianObservations.Of(history, Encode, warm ? memory : null, _settings.MaxPoints, _sampler, _space.Parameters.Count);
            int steps = round % _settings.RefitEvery == 0 ? _settings.FitSteps : 0;
            objective.Fit(observed.Ordinal, observed.Categorical, observed.Values, steps);
            // A warm start from queries without unknown constraints has no slack to model yet.
            bool modelled = constrained && observed.Slacks!.shape[0] > 0;
            if (modelled)
            {
                feasibility.Fit(observed.SlackOrdinal!, observed.SlackCategorical!, observed.Slacks!, steps);
            }

            Tensor pool = Candidates(_settings.RandomCandidates, history, _settings.LocalCandidates);
            double? best = history.BestFeasible();
            Func<Tensor, Tensor> acquisition = candidates =>
            {
                (Tensor ordinal, Tensor categorical) = Encode(candidates);
                (Tensor mean, Tensor variance) = objective.Predict(ordinal, categorical);
                Tensor? feasible = modelled ? ProbabilityFeasible(feasibility, ordinal, categorical) : null;
                if (history.Count == 0)
                {
                    // A warm start has no incumbent: the prediction itself, likely-feasible candidates first.
                    return feasible is null ? mean : where(feasible >= 0.5, mean, SafeOps.Sub(feasible, 1e9));
                }

                if (feasible is not null && best is null)
                {
                    return feasible;
                }

                Tensor gain = _settings.Acquisition == "ucb"
                    ? Acquisition.UpperConfidenceBound(mean, variance, _settings.UcbBeta)
                    : Acquisition.ExpectedImprovement(mean, variance, best ?? history.Values.Max());
                return feasible is null ? gain : gain * feasible;
            };
            Tensor chosen = Pick(pool, allowed, history.Seen, batch, acquisition);
            if (chosen.shape[0] == 0)
            {
                // The pool held nothing new within the known constraints: a wider random draw, still within them.
                chosen = Pick(Candidates(4096, history, local: 0), allowed, history.Seen, batch, null);
                if (chosen.shape[0] == 0)
                {
                    break; // no unevaluated design within the known constraints was found: the rest of the budget stays unspent
                }
            }

            Add(chosen);
        }

        Tensor evaluated = tensor(history.Designs.SelectMany(d => d).ToArray(), new long[] { history.Count, _space.Parameters.Count });
        if (memory is not null && history.Count > 0)
        {
            (Tensor ordinal, Tensor categorical) = Encode(evaluated);
            memory.Remember(ordinal, categorical, history.Values, history.Slacks, _sampler);
        }

        return evaluated;
    }

    /// <summary>Φ(−μ/σ) of the slack's posterior: the chance that every unknown constraint holds.</summary>
    private static Tensor ProbabilityFeasible(GaussianProcess feasibility, Tensor ordinal, Tensor categorical)
    {
        (Tensor mean, Tensor variance) = feasibility.Predict(ordinal, categorical);
        Tensor z = -mean / variance.clamp_min(SafeOps.Constant(1e-18)).sqrt();
        return SafeOps.Mul(SafeOps.Add(special.erf(SafeOps.Div(z, Math.Sqrt(2.0))), 1), 0.5);
    }

    /// <summary>Up to <paramref name="count"/> distinct unseen allowed designs of <paramref name="pool"/>, best acquisition first (pool order without one).</summary>
    private static Tensor Pick(Tensor pool, Func<Tensor, Tensor> allowed, IReadOnlySet<string> seen, int count, Func<Tensor, Tensor>? acquisition)
    {
        long[][] rows = Rows(pool);
        bool[] ok = allowed(pool).to_type(ScalarType.Bool).data<bool>().ToArray();
        double[] score = acquisition is null ? new double[rows.Length] : acquisition(pool).to_type(ScalarType.Float64).data<double>().ToArray();
        var order = Enumerable.Range(0, rows.Length).Where(i => ok[i]).OrderByDescending(i => score[i]).ThenBy(i => i);
        var taken = new List<long[]>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (int i in order)
        {
            string key = BayesianHistory.Key(rows[i]);
            if (!seen.Contains(key) && keys.Add(key))
            {
                taken.Add(rows[i]);
                if (taken.Count == count)
                {
                    break;
                }
            }
        }

        int width = (int)pool.shape[1];
        return tensor(taken.SelectMany(d => d).ToArray(), new long[] { taken.Count, width });
    }

    /// <summary>Random designs, plus designs one or two parameters away from the best eight so far (by merit).</summary>
    private Tensor Candidates(int random, BayesianHistory history, int local)
    {
        Tensor fresh = _space.RandomIndices(new long[] { random }, _sampler).to_type(ScalarType.Int64);
        if (local == 0 || history.Count == 0)
        {
            return fresh;
        }

        long[][] elite = history.Ranked().Take(8).Select(i => history.Designs[i]).ToArray();
        int width = _space.Parameters.Count;
        Tensor parents = tensor(elite.SelectMany(d => d).ToArray(), new long[] { elite.Length, width })
            .index_select(0, randint(elite.Length, new long[] { local }, generator: _sampler));
        Tensor replacement = _space.RandomIndices(new long[] { local }, _sampler).to_type(ScalarType.Int64);
        Tensor first = randint(width, new long[] { local, 1 }, generator: _sampler);
        Tensor second = randint(width, new long[] { local, 1 }, generator: _sampler);
        Tensor positions = arange(width).unsqueeze(0);
        Tensor mutate = positions.eq(first) | (positions.eq(second) & rand(new long[] { local, 1 }, generator: _sampler).lt(SafeOps.Constant(0.5)));
        return cat(new[] { fresh, where(mutate, replacement, parents) }, 0);
    }

    internal static long[][] Rows(Tensor designs)
    {
        int width = (int)designs.shape[1];
        long[] flat = designs.to_type(ScalarType.Int64).contiguous().data<long>().ToArray();
        return Enumerable.Range(0, (int)designs.shape[0]).Select(i => flat.AsSpan(i * width, width).ToArray()).ToArray();
    }
}
