using TorchSharp;
using static TorchSharp.torch;

namespace Gandse.Methods.Baselines;

/// <summary>One REINFORCE step with a learned baseline and an entropy bonus.</summary>
internal static class ReinforceUpdate
{
    public const double EntropyBonus = 0.01;

    /// <summary>Policy loss −(A · log π) with A = reward − baseline standardised over the batch; value loss (baseline − reward)².</summary>
    public static Tensor Loss(Tensor reward, Tensor baseline, Tensor logProbability, Tensor entropy)
    {
        Tensor advantage = reward - baseline.detach();
        advantage = (advantage - advantage.mean()) / (advantage.std() + 1e-6);
        Tensor policyLoss = -(advantage * logProbability).mean();
        Tensor valueLoss = nn.functional.mse_loss(baseline, reward);
        return policyLoss + (0.5 * valueLoss) - (EntropyBonus * entropy.mean());
    }
}
