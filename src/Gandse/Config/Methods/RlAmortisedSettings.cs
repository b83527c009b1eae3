namespace Gandse.Config;

/// <summary><c>methods.rl_amortised</c>: one REINFORCE policy trained over the training conditions (ConfuciuX-style, amortised).</summary>
public sealed class RlAmortisedSettings
{
    /// <summary>Policy-gradient steps.</summary>
    public int Steps { get; set; } = 1500;

    /// <summary>Conditions per step.</summary>
    public int BatchSize { get; set; } = 256;

    /// <summary>Adam learning rate.</summary>
    public double Lr { get; set; } = 1e-3;

    /// <summary>Entropy bonus; smaller ones collapsed the policy onto one design.</summary>
    public double EntropyBonus { get; set; } = 0.2;

    /// <summary>Infeasibility penalty of the reward (log2 units; 2 is a 4× cost).</summary>
    public double RewardPenalty { get; set; } = 2.0;

    /// <summary>Width of the policy's hidden layers.</summary>
    public int Hidden { get; set; } = 256;

    /// <summary>Number of hidden layers.</summary>
    public int Layers { get; set; } = 2;

    /// <summary>Refuses values that cannot work, naming the key.</summary>
    public void Validate()
    {
        MethodsConfig.Positive(Steps, "methods.rl_amortised.steps");
        MethodsConfig.Positive(BatchSize, "methods.rl_amortised.batch_size");
        MethodsConfig.Positive(Lr, "methods.rl_amortised.lr");
        MethodsConfig.NotNegative(EntropyBonus, "methods.rl_amortised.entropy_bonus");
        MethodsConfig.Positive(RewardPenalty, "methods.rl_amortised.reward_penalty");
        MethodsConfig.Positive(Hidden, "methods.rl_amortised.hidden");
        MethodsConfig.Positive(Layers, "methods.rl_amortised.layers");
    }
}
