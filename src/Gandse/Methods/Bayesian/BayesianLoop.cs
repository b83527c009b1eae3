using Gandse.Config;
using Gandse.Spaces;
using Gandse.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace Gandse.Methods.Bayesian;

/// <summary>
/// Bayesian optimisation of one black-box objective over a design space: a few random designs, then rounds of
/// GP fit → acquisition over random and locally mutated candidates → the best few evaluated. Designs outside
/// the known constraints (MAC and SRAM budgets, from design values alone) are never proposed; the objective
/// folds everything else (latency targets, area) into its value. Returns every evaluated design, in order:
/// exactly the search's calls.
/// </summary>
public sealed class BayesianLoop
{
    private readonly DesignSpace _space;
    private readonly BoSettings _settings;
    private readonly Generator _sampler;
    private readonly DesignEncoding _encoding;

    /// <summary>A loop over <paramref name="space"/> drawing its random choices from <paramref name="sampler"/>.</summary>
    public BayesianLoop(DesignSpace space, BoSettings settings, Generator sampler)
    {
        _space = space;
        _settings = settings;
        _sampler = sampler;
        _encoding = new DesignEncoding(space);
    }

    /// <summary>
    /// Spends <paramref name="budget"/> evaluations: <paramref name="evaluate"/> maps designs [n, P] to values [n]
    /// (higher is better, finite), <paramref name="allowed"/> to whether each meets the known constraints. With a
    /// <paramref name="memory"/> (bo-transfer) the GP reads designs with the query's <paramref name="context"/>
    /// features [F] appended, conditions on the earlier queries' observations as well, starts from its prediction
    /// instead of random designs, and leaves this query's observations in the memory for the next.
    /// </summary>
    public Tensor Run(int budget, Func<Tensor, Tensor> evaluate, Func<Tensor, Tensor> allowed, TransferMemory? memory = null, Tensor? context = null)
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

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var designs = new List<long[]>();
        var values = new List<double>();
        void Add(Tensor batch)
        {
            double[] scores = evaluate(batch).to_type(ScalarType.Float64).data<double>().ToArray();
            long[][] rows = Rows(batch);
            for (int i = 0; i < rows.Length; i++)
            {
                seen.Add(Key(rows[i]));
                designs.Add(rows[i]);
                values.Add(scores[i]);
            }
        }

        bool warm = memory is { Count: > 0 };
        if (!warm)
        {
            Add(Pick(Candidates(Math.Max(64, _settings.InitialDesigns * 16), designs, values, local: 0), allowed, seen, Math.Min(budget, _settings.InitialDesigns), null));
        }

        var gp = new GaussianProcess(_encoding.OrdinalDims + (int)(context?.shape[0] ?? 0));
        for (int round = 0; designs.Count < budget; round++)
        {
            using DisposeScope scope = NewDisposeScope();
            int batch = Math.Clamp(designs.Count / 4, 1, Math.Min(_settings.MaxBatch, budget - designs.Count));
            (Tensor x, Tensor c, Tensor y) = Observations(designs, values, Encode, warm ? memory : null);
            gp.Fit(x, c, y, steps: round % _settings.RefitEvery == 0 ? _settings.FitSteps : 0);
            Tensor pool = Candidates(_settings.RandomCandidates, designs, values, _settings.LocalCandidates);
            double best = values.Count > 0 ? values.Max() : double.NaN;
            Func<Tensor, Tensor> acquisition = candidates =>
            {
                (Tensor ordinal, Tensor categorical) = Encode(candidates);
                (Tensor mean, Tensor variance) = gp.Predict(ordinal, categorical);
                // Before this query's first evaluation (a warm start) there is no incumbent: the prediction itself.
                return values.Count == 0 ? mean
                    : _settings.Acquisition == "ucb"
                    ? Acquisition.UpperConfidenceBound(mean, variance, _settings.UcbBeta)
                    : Acquisition.ExpectedImprovement(mean, variance, best);
            };
            Tensor chosen = Pick(pool, allowed, seen, batch, acquisition);
            if (chosen.shape[0] == 0)
            {
                // The pool held nothing new within the known constraints: a wider random draw, still within them.
                chosen = Pick(Candidates(4096, designs, values, local: 0), allowed, seen, batch, null);
                if (chosen.shape[0] == 0)
                {
                    break; // no unevaluated design within the known constraints was found: the rest of the budget stays unspent
                }
            }

            Add(chosen);
        }

        Tensor evaluated = tensor(designs.SelectMany(d => d).ToArray(), new long[] { designs.Count, _space.Parameters.Count });
        if (memory is not null && designs.Count > 0)
        {
            (Tensor ordinal, Tensor categorical) = Encode(evaluated);
            memory.Remember(ordinal, categorical, values, _sampler);
        }

        return evaluated;
    }

    /// <summary>Up to <paramref name="count"/> distinct unseen allowed designs of <paramref name="pool"/>, best acquisition first (pool order without one).</summary>
    private static Tensor Pick(Tensor pool, Func<Tensor, Tensor> allowed, HashSet<string> seen, int count, Func<Tensor, Tensor>? acquisition)
    {
        long[][] rows = Rows(pool);
        bool[] ok = allowed(pool).to_type(ScalarType.Bool).data<bool>().ToArray();
        double[] score = acquisition is null ? new double[rows.Length] : acquisition(pool).to_type(ScalarType.Float64).data<double>().ToArray();
        var order = Enumerable.Range(0, rows.Length).Where(i => ok[i]).OrderByDescending(i => score[i]).ThenBy(i => i);
        var taken = new List<long[]>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (int i in order)
        {
            string key = Key(rows[i]);
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

    /// <summary>Random designs, plus designs one or two parameters away from the best eight so far.</summary>
    private Tensor Candidates(int random, List<long[]> designs, List<double> values, int local)
    {
        Tensor fresh = _space.RandomIndices(new long[] { random }, _sampler).to_type(ScalarType.Int64);
        if (local == 0 || designs.Count == 0)
        {
            return fresh;
        }

        long[][] elite = Enumerable.Range(0, designs.Count).OrderByDescending(i => values[i]).Take(8).Select(i => designs[i]).ToArray();
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

    /// <summary>
    /// What the GP conditions on: all observations, or beyond <c>max_points</c> the best half and a random half of
    /// the rest; with a memory, its observations too.
    /// </summary>
    private (Tensor Ordinal, Tensor Categorical, Tensor Values) Observations(List<long[]> designs, List<double> values, Func<Tensor, (Tensor, Tensor)> encode, TransferMemory? memory)
    {
        IEnumerable<int> kept = Enumerable.Range(0, designs.Count);
        if (designs.Count > _settings.MaxPoints)
        {
            int[] ranked = kept.OrderByDescending(i => values[i]).ToArray();
            int half = _settings.MaxPoints / 2;
            long[] rest = randperm(ranked.Length - half, generator: _sampler).data<long>().Take(_settings.MaxPoints - half).ToArray();
            kept = ranked.Take(half).Concat(rest.Select(r => ranked[half + (int)r]));
        }

        int[] chosen = kept.ToArray();
        Tensor x = tensor(chosen.SelectMany(i => designs[i]).ToArray(), new long[] { chosen.Length, _space.Parameters.Count });
        (Tensor ordinal, Tensor categorical) = encode(x);
        Tensor y = tensor(chosen.Select(i => values[i]).ToArray(), ScalarType.Float64);
        if (memory is null)
        {
            return (ordinal, categorical, y);
        }

        (Tensor earlierOrdinal, Tensor earlierCategorical, double[] earlier) = memory.Observations((int)ordinal.shape[1], (int)categorical.shape[1]);
        return (cat(new[] { earlierOrdinal, ordinal }, 0), cat(new[] { earlierCategorical, categorical }, 0), cat(new[] { tensor(earlier, ScalarType.Float64), y }, 0));
    }

    private static long[][] Rows(Tensor designs)
    {
        int width = (int)designs.shape[1];
        long[] flat = designs.to_type(ScalarType.Int64).contiguous().data<long>().ToArray();
        return Enumerable.Range(0, (int)designs.shape[0]).Select(i => flat.AsSpan(i * width, width).ToArray()).ToArray();
    }

    private static string Key(long[] design) => string.Join(',', design);
}
