using Gandse.Conditions;
using Gandse.Tasks;
using Gandse.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace Gandse.Methods.Baselines;

/// <summary>
/// A genetic algorithm over choice indices, as in the black-box baselines of Apollo and ArchGym: a random
/// first population, then per generation binary-tournament parents, uniform crossover (for a share
/// <c>crossover_rate</c> of the children; the rest copy a parent), per-gene mutation (a fresh random choice with
/// probability <c>mutation_scale</c>/P), and elitism. Every evaluated design is returned, in the order
/// evaluated, so the candidates are exactly the search's cost-model calls. All queries search in parallel.
/// </summary>
public sealed class EvolutionarySearch : IMethod
{
    private readonly IDseTask _task;
    private readonly int _population;
    private readonly double _mutationScale;
    private readonly double _crossoverRate;
    private readonly Generator _sampler;

    /// <summary>A per-query evolutionary search on <paramref name="task"/>, seeded by <paramref name="seed"/>.</summary>
    public EvolutionarySearch(IDseTask task, Config.EvolutionarySettings settings, long seed)
    {
        _task = task;
        _population = settings.Population;
        _mutationScale = settings.MutationScale;
        _crossoverRate = settings.CrossoverRate;
        _sampler = new Generator((ulong)seed);
    }

    /// <inheritdoc/>
    public string Name => "evolutionary";

    /// <inheritdoc/>
    public Tensor Propose(IReadOnlyList<Condition> conditions, int candidates)
    {
        int queries = conditions.Count;
        int width = _task.Space.Parameters.Count;
        ValueBatch values = _task.ConditionValues(conditions);
        int size = Math.Min(_population, candidates);
        Tensor population = RandomDesigns(queries, size);
        Tensor fitness = Fitness.Of(_task, _task.Evaluate(values, population));
        var evaluated = new List<Tensor> { population };
        int spent = size;
        while (spent < candidates)
        {
            int children = Math.Min(size, candidates - spent);
            Tensor mother = Tournament(population, fitness, children);
            Tensor father = Tournament(population, fitness, children);
            Tensor crossed = where(rand(new long[] { queries, children, width }, generator: _sampler) < 0.5, mother, father);
            // At the default rate of 1 every child is crossed and no draw is made, so the random stream is as before.
            Tensor child = _crossoverRate >= 1 ? crossed
                : where(rand(new long[] { queries, children, 1 }, generator: _sampler) < _crossoverRate, crossed, mother);
            Tensor mutate = rand(new long[] { queries, children, width }, generator: _sampler) < (_mutationScale / width);
            child = where(mutate, RandomDesigns(queries, children), child);
            Tensor childFitness = Fitness.Of(_task, _task.Evaluate(values, child));
            evaluated.Add(child);
            spent += children;

            // Elitism: the next population is the best `size` of parents and children.
            Tensor pool = cat(new[] { population, child }, 1);
            Tensor poolFitness = cat(new[] { fitness, childFitness }, 1);
            Tensor keep = poolFitness.topk(size, dim: 1).indexes;
            population = pool.gather(1, keep.unsqueeze(-1).expand(-1, -1, width));
            fitness = poolFitness.gather(1, keep);
        }

        return cat(evaluated, 1);
    }

    private Tensor RandomDesigns(int queries, int count) => _task.Space.RandomIndices(new long[] { queries, count }, _sampler);

    /// <summary>Binary tournaments: of two random members, the fitter one.</summary>
    private Tensor Tournament(Tensor population, Tensor fitness, int count)
    {
        long size = population.shape[1];
        Tensor a = randint(size, new long[] { population.shape[0], count }, generator: _sampler);
        Tensor b = randint(size, new long[] { population.shape[0], count }, generator: _sampler);
        Tensor winner = where(fitness.gather(1, a) >= fitness.gather(1, b), a, b);
        return population.gather(1, winner.unsqueeze(-1).expand(-1, -1, population.shape[2]));
    }
}
