namespace Gandse.Config;

/// <summary>
/// <c>gandse compare</c>: every method answers the same held-out queries with the same budget of cost-model
/// calls per query, each trained method trained on the same training split, for each seed.
/// </summary>
public sealed class CompareConfig
{
    /// <summary>Any of gan, mlp, rl-amortised, rl-search, evolutionary, random.</summary>
    public List<string> Methods { get; set; } = new() { "gan", "mlp", "rl-amortised", "rl-search", "evolutionary", "random" };

    /// <summary>Method seeds are seed, seed + 1, …; the dataset (and so the queries) stays that of the experiment's seed.</summary>
    public int Seeds { get; set; } = 3;

    /// <summary>Test queries answered per method and seed (the first of the test split).</summary>
    public int Queries { get; set; } = 100;

    /// <summary>Cost-model calls per query for every method: candidates proposed and verified, or designs a search evaluates.</summary>
    public int Budget { get; set; } = 1024;

    /// <summary>Use this trained GAN (checkpoint file or folder) for every seed instead of training one per seed.</summary>
    public string GanCheckpoint { get; set; } = string.Empty;

    public int MlpSteps { get; set; } = 3000;

    public double MlpLr { get; set; } = 1e-3;

    /// <summary>Sampling temperature of the MLP's candidates after its first (arg-max) one.</summary>
    public double MlpTemperature { get; set; } = 3.0;

    public int RlSteps { get; set; } = 1500;

    public int RlBatchSize { get; set; } = 256;

    public double RlLr { get; set; } = 1e-3;

    /// <summary>Entropy bonus of the amortised policy; smaller ones collapsed onto one design.</summary>
    public double RlEntropyBonus { get; set; } = 0.2;

    /// <summary>Infeasibility penalty of the amortised policy's reward (log2 units; 2 is a 4× cost).</summary>
    public double RlRewardPenalty { get; set; } = 2.0;

    /// <summary>Entropy bonus of the per-query policy.</summary>
    public double RlSearchEntropyBonus { get; set; } = 0.01;

    /// <summary>Designs per REINFORCE update of the per-query RL search.</summary>
    public int RlSearchBatch { get; set; } = 64;

    public double RlSearchLr { get; set; } = 3e-3;

    public int EvolutionPopulation { get; set; } = 64;
}
