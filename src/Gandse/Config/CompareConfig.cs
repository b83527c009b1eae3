namespace Gandse.Config;

/// <summary>
/// <c>gandse compare</c>: every method answers the same held-out queries with the same budget of cost-model
/// calls per query, each trained method trained on the same training split, for each seed.
/// </summary>
public sealed class CompareConfig
{
    /// <summary>Registered methods by name (gandse compare --help lists them); each one's settings are under <c>methods.*</c>.</summary>
    public List<string> Methods { get; set; } = new() { "gan", "mlp", "rl-amortised", "rl-search", "evolutionary", "random" };

    /// <summary>Method seeds are seed, seed + 1, …; the dataset (and so the queries) stays that of the experiment's seed.</summary>
    public int Seeds { get; set; } = 3;

    /// <summary>Queries answered per method and seed (the first of <see cref="Split"/>).</summary>
    public int Queries { get; set; } = 100;

    /// <summary>
    /// The split the queries come from: <c>test</c> for reported figures, <c>val</c> to tune a method's settings
    /// (a comparison of search methods alone labels only that split).
    /// </summary>
    public string Split { get; set; } = "test";

    /// <summary>Distinct designs each method may have evaluated per query: candidates proposed and verified, or designs a search evaluates. The calls they cause are measured.</summary>
    public int Budget { get; set; } = 1024;

    /// <summary>
    /// How often a one-shot method (GAN, MLP, amortised RL) that proposed repeats is asked again for the same
    /// query, so that it too reaches the budget in distinct designs; 1 turns the top-up off.
    /// </summary>
    public int TopUpRounds { get; set; } = 8;
}
