using Gandse.Config;
using Gandse.Methods.Baselines;
using Gandse.Methods.Gan;
using Gandse.Methods.Ordinal;

namespace Gandse.Methods;

/// <summary>
/// Every method the harness can run, registered once here: a new method is a folder under <c>Methods/</c>, a
/// settings section under <c>methods.*</c> (<see cref="MethodsConfig"/>) and one entry below. Nothing else in
/// the core names a method. Variants (ablations) are the same methods run with a few settings changed.
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
        new("airchitect-v2", "AIrchitect-v2-style recommender: a transformer encoder over per-feature tokens, unified ordinal heads, its k most likely designs", true,
            c => OrdinalRecommender.Train(c.Task, c.Dataset.Train, c.Config.Methods.AirchitectV2, c.Seed, c.Cancellation)) { Load = OrdinalRecommender.Restore },
        new("rl-search", "a fresh REINFORCE policy per query, spending its budget (ConfuciuX's search)", false,
            c => new RlSearch(c.Task, c.Config.Methods.RlSearch, c.Seed)),
        new("evolutionary", "a genetic search per query", false, c => new EvolutionarySearch(c.Task, c.Config.Methods.Evolutionary, c.Seed)),
        new("bo", "Bayesian optimisation per query: a GP (Matern-5/2 x overlap kernel), expected improvement, known budgets enforced", false,
            c => new Bayesian.BayesianSearch(c.Task, c.Config.Methods.Bo, c.Seed) { Cancellation = c.Cancellation }),
        new("bo-transfer", "bo warm-started across queries (Apollo): the condition's features in the GP, earlier queries' observations kept", false,
            c => new Bayesian.BayesianSearch(c.Task, c.Config.Methods.Bo, c.Seed, transfer: true) { Cancellation = c.Cancellation }),
        new("random", "uniform random designs", false, c => new RandomSearch(c.Task, c.Seed)),
    };

    // Ablations (issue 11): the same method trained with one part removed, side by side in one comparison. Each
    // trains on its own (its settings differ from the base's), so it is charged its own training time.
    private static readonly MethodEntry[] Variants =
    {
        Variant("gan-no-adversarial", "gan", "ablation: the GAN without its adversarial term (a likelihood model with the surrogate objective)",
            "train.adversarial_weight=0"),
        Variant("gan-no-objective", "gan", "ablation: the GAN without the surrogate's objective term", "train.objective_weight=0"),
        Variant("gan-no-likelihood", "gan", "ablation: the GAN without its likelihood term against near-optimal designs", "train.supervised_weight=0"),
        Variant("mlp-near-optimal", "mlp", "ablation: the MLP recommender taught the GAN's near-optimal sets, not the single optimum",
            "methods.mlp.labels=near_optimal"),
    };

    private static readonly MethodEntry[] All = Entries.Concat(Variants).ToArray();

    /// <summary>The methods a config or comparison may name.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(e => e.Name).ToList();

    /// <summary>The method named <paramref name="name"/>; an unknown name is a <see cref="UsageException"/> listing them.</summary>
    /// <param name="key">The setting that named it, for the error.</param>
    /// <param name="name">The method's name.</param>
    public static MethodEntry Get(string name, string key = "compare.methods") =>
        All.FirstOrDefault(e => e.Name == name)
        ?? throw new UsageException($"{key}: unknown method '{name}'; allowed: {string.Join(", ", Names)}");

    /// <summary>The experiment as <paramref name="entry"/> runs it: a variant's overrides applied, else unchanged.</summary>
    public static ExperimentConfig Configure(MethodEntry entry, ExperimentConfig config)
    {
        if (entry.VariantOf is null)
        {
            return config;
        }

        ExperimentConfig configured = ConfigBinder.Parse(ConfigWriter.ToYaml(config), $"variant {entry.Name}", entry.Overrides);
        ConfigValidator.Validate(configured);
        return configured;
    }

    private static MethodEntry Variant(string name, string baseName, string description, params string[] overrides)
    {
        MethodEntry original = Entries.First(e => e.Name == baseName);
        // A variant always trains: a checkpoint given for its base was trained with the part it removes.
        string[] all = baseName == "gan" ? overrides.Append("methods.gan.checkpoint=\"\"").ToArray() : overrides;
        MethodEntry variant = null!;
        variant = new MethodEntry(name, description, original.Trains, c => original.Build(c with { Config = Configure(variant, c.Config), RunName = name }))
        {
            VariantOf = baseName,
            Overrides = all,
        };
        return variant;
    }
}
