using TorchSharp;
using static TorchSharp.torch;

namespace Gandse.Methods.Gan;

/// <summary>
/// A small network that rates the generator's candidates before any is verified, trained on the generator's own
/// proposals (<see cref="RankingHeadFitting"/>). It reads a candidate (one-hot), the condition's features and the
/// task's closed-form lower bounds of every metric (log2 of 1 + bound, standardised: stall and traffic bounds tell
/// it where the stalls come from), and predicts how far above its
/// bound each metric's exact value lies (log2 of exact over bound, ≥ 0), and a logit that the candidate meets the
/// constraints on metrics (a latency target) given that its bounds do. The bound carries what is closed-form
/// (folds, traffic per pass); the head learns only the stalls and laps the bound leaves out, where the generator's
/// candidates lie.
/// </summary>
public sealed class RankingHead : nn.Module<Tensor, Tensor>
{
    private readonly Mlp network;
    private readonly Tensor bound_mean;
    private readonly Tensor bound_std;
    private readonly Tensor excess_scale;

    /// <summary>
    /// A head for designs <paramref name="designWidth"/> one-hots wide, <paramref name="features"/> condition features,
    /// <paramref name="bounds"/> bound inputs and <paramref name="metrics"/> modelled metrics.
    /// </summary>
    public RankingHead(int designWidth, int features, int bounds, int metrics, int hidden, int layers)
        : base("ranking_head")
    {
        MetricCount = metrics;
        network = new Mlp("network", designWidth + features + bounds, hidden, layers, metrics + 1, leaky: false);
        bound_mean = zeros(bounds);
        bound_std = ones(bounds);
        excess_scale = ones(metrics);
        RegisterComponents();
    }

    /// <summary>How many metrics it predicts.</summary>
    public int MetricCount { get; }

    /// <summary>Raw outputs [rows, metrics + 1]: scaled log2 excess per metric, then the feasibility logit.</summary>
    public override Tensor forward(Tensor input) => network.forward(input);

    /// <summary>The network's input: one-hot designs [R, W], features [R, F] and bound inputs [R, K] (standardised here).</summary>
    public Tensor Input(Tensor oneHot, Tensor features, Tensor boundInputs) =>
        cat(new[] { oneHot, features, ((boundInputs - bound_mean) / bound_std).to_type(ScalarType.Float32) }, -1);

    /// <summary>
    /// Predicted log2 excess of the exact metrics over their bounds, [R, M] (≥ 0), and the logit that metric
    /// constraints are met, [R].
    /// </summary>
    public (Tensor ExcessLog2, Tensor FeasibleLogit) Predict(Tensor oneHot, Tensor features, Tensor boundInputs)
    {
        Tensor output = forward(Input(oneHot, features, boundInputs));
        return ((output.narrow(-1, 0, MetricCount) * excess_scale).clamp_min(0), output.select(-1, MetricCount));
    }

    /// <summary>The regression targets as the network predicts them: log2 excess divided by its per-metric scale.</summary>
    public Tensor ScaledExcess(Tensor excessLog2) => excessLog2 / excess_scale;

    /// <summary>Sets the input standardisation of the bounds and the output scale of the excess (saved with the head).</summary>
    public void SetNormalisation(Tensor boundMean, Tensor boundStd, Tensor excessScale)
    {
        using IDisposable noGrad = no_grad();
        bound_mean.copy_(boundMean);
        bound_std.copy_(boundStd);
        excess_scale.copy_(excessScale);
    }
}
