namespace Gandse.Config;

/// <summary><c>methods.rl_search</c>: a fresh REINFORCE policy per query, spending the query's budget (ConfuciuX's search).</summary>
public sealed class RlSearchSettings
{
    /// <summary>Designs per REINFORCE update.</summary>
    public int Batch { get; set; } = 64;

    /// <summary>Adam learning rate of the per-query policy.</summary>
    public double Lr { get; set; } = 3e-3;

    /// <summary>Weight of the entropy bonus that keeps the policy exploring.</summary>
    public double EntropyBonus { get; set; } = 0.01;

    /// <summary>Width of the policy's hidden layers.</summary>
    public int Hidden { get; set; } = 64;

    /// <summary>Number of hidden layers.</summary>
    public int Layers { get; set; } = 2;

    /// <summary>Refuses values that cannot work, naming the key.</summary>
    public void Validate()
    {
        MethodsConfig.Positive(Batch, "methods.rl_search.batch");
        MethodsConfig.Positive(Lr, "methods.rl_search.lr");
        MethodsConfig.NotNegative(EntropyBonus, "methods.rl_search.entropy_bonus");
        MethodsConfig.Positive(Hidden, "methods.rl_search.hidden");
        MethodsConfig.Positive(Layers, "methods.rl_search.layers");
    }
}
