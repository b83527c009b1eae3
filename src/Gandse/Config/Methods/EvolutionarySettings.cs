namespace Gandse.Config;

/// <summary><c>methods.evolutionary</c>: a genetic search per query (tournaments, uniform crossover, elitism).</summary>
public sealed class EvolutionarySettings
{
    /// <summary>Designs per generation.</summary>
    public int Population { get; set; } = 64;

    /// <summary>Chance of each parameter mutating, times the number of parameters (1: one mutation per child on average).</summary>
    public double MutationScale { get; set; } = 1.0;

    /// <summary>Chance that a child is a uniform crossover of its two parents; otherwise it copies the first (before mutation).</summary>
    public double CrossoverRate { get; set; } = 1.0;

    /// <summary>Refuses values that cannot work, naming the key.</summary>
    public void Validate()
    {
        MethodsConfig.Positive(Population, "methods.evolutionary.population");
        MethodsConfig.Positive(MutationScale, "methods.evolutionary.mutation_scale");
        if (CrossoverRate is < 0 or > 1 || double.IsNaN(CrossoverRate))
        {
            throw new UsageException($"methods.evolutionary.crossover_rate must be from 0 to 1, not {CrossoverRate}");
        }
    }
}
