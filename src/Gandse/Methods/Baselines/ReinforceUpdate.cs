using TorchSharp;
using static TorchSharp.torch;

namespace Gandse.Methods.Baselines;

/// <summary>One REINFORCE step with a learned baseline and an entropy bonus.</summary>
internal static class ReinforceUpdate
{
    /// <summary>Policy loss −(A · log π) with A = reward − baseline standardised over the batch; value loss (baseline − reward)²; minus an entropy bonus that keeps the policy from collapsing onto one safe design.</summary>
    public static Tensor Loss(Tensor reward, Tensor baseline, Tensor logProbability, Tensor entropy, double entropyBonus)
    {
        Tensor advantage = reward - baseline.detach();
        advantage = (advantage - advantage.mean()) / (advantage.std() + 1e-6);
        Tensor policyLoss = -(advantage * logProbability).mean();
        Tensor valueLoss = nn.functional.mse_loss(baseline, reward);
        return policyLoss + (0.5 * valueLoss) - (entropyBonus * entropy.mean());
    }
}
