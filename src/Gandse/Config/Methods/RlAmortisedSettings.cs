namespace Gandse.Config;

/// <summary><c>methods.rl_amortised</c>: one REINFORCE policy trained over the training conditions (ConfuciuX-style, amortised).</summary>
public sealed class RlAmortisedSettings
{
    public int Steps { get; set; } = 1500;

    public int BatchSize { get; set; } = 256;

    public double Lr { get; set; } = 1e-3;

    /// <summary>Entropy bonus; smaller ones collapsed the policy onto one design.</summary>
    public double EntropyBonus { get; set; } = 0.2;

    /// <summary>Infeasibility penalty of the reward (log2 units; 2 is a 4× cost).</summary>
    public double RewardPenalty { get; set; } = 2.0;

    public int Hidden { get; set; } = 256;

    public int Layers { get; set; } = 2;

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
