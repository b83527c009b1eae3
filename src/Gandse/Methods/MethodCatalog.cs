using Gandse.Config;
using Gandse.Methods.Baselines;
using Gandse.Methods.Gan;

namespace Gandse.Methods;

/// <summary>
/// Every method the harness can run, registered once here: a new method is a folder under <c>Methods/</c>, a
/// settings section under <c>methods.*</c> (<see cref="MethodsConfig"/>) and one entry below. Nothing else in
/// the core names a method.
/// </summary>
public static class MethodCatalog
{
    private static readonly MethodEntry[] Entries =
    {
        new("gan", "conditional GAN (GANDSE): generator, discriminator and surrogate; candidates verified exactly", true, GanBuilder.Build) { Load = TrainedGan.Restore },
        new("mlp", "AIrchitect-style recommender: a classifier from the condition to its optimal design", true,
            c => MlpRecommender.Train(c.Task, c.Dataset.Train, c.Config.Methods.Mlp, c.Seed, c.Cancellation)) { Load = MlpRecommender.Restore },
        new("rl-amortised", "one REINFORCE policy trained across the training conditions (ConfuciuX-style, amortised)", true,
            c => RlAmortised.Train(c.Task, c.Dataset.Train, c.Config.Methods.RlAmortised, c.Seed, c.Cancellation)) { Load = RlAmortised.Restore },
        new("rl-search", "a fresh REINFORCE policy per query, spending its budget (ConfuciuX's search)", false,
            c => new RlSearch(c.Task, c.Config.Methods.RlSearch, c.Seed)),
        new("evolutionary", "a genetic search per query", false, c => new EvolutionarySearch(c.Task, c.Config.Methods.Evolutionary, c.Seed)),
        new("bo", "Bayesian optimisation per query: a GP (Matern-5/2 x overlap kernel), expected improvement, known budgets enforced", false,
            c => new Bayesian.BayesianSearch(c.Task, c.Config.Methods.Bo, c.Seed)),
        new("random", "uniform random designs", false, c => new RandomSearch(c.Task, c.Seed)),
    };

    /// <summary>The methods a config or comparison may name.</summary>
    public static IReadOnlyList<string> Names { get; } = Entries.Select(e => e.Name).ToList();

    /// <summary>The method named <paramref name="name"/>; an unknown name is a <see cref="UsageException"/> listing them.</summary>
    /// <param name="key">The setting that named it, for the error.</param>
    /// <param name="name">The method's name.</param>
    public static MethodEntry Get(string name, string key = "compare.methods") =>
        Entries.FirstOrDefault(e => e.Name == name)
        ?? throw new UsageException($"{key}: unknown method '{name}'; allowed: {string.Join(", ", Names)}");
}
