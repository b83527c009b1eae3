using static TorchSharp.torch;

namespace Gandse.Methods.Ordinal;

/// <summary>
/// The k most likely designs under independent per-parameter distributions, exactly, without enumerating the
/// space: a beam over the parameters keeping the k best partial designs. A design in the final top k has its
/// prefix in the top k prefixes (k better prefixes would each give a better design with the same suffix), so
/// pruning to k at each parameter loses nothing.
/// </summary>
public static class JointTopK
{
    /// <summary>
    /// Choice indices [B, k', P] of the k' = min(k, space size) most likely designs per row, most likely first,
    /// from per-parameter log-probabilities (one [B, Count] tensor per parameter).
    /// </summary>
    public static Tensor Of(IReadOnlyList<Tensor> logProbabilities, int k)
    {
        long rows = logProbabilities[0].shape[0];
        Tensor scores = zeros(rows, 1, dtype: logProbabilities[0].dtype);
        Tensor designs = zeros(rows, 1, 0, dtype: ScalarType.Int64);
        foreach (Tensor logp in logProbabilities)
        {
            long count = logp.shape[1];
            long beams = scores.shape[1];
            Tensor joint = (scores.unsqueeze(2) + logp.unsqueeze(1)).reshape(rows, beams * count);
            int keep = (int)Math.Min(k, beams * count);
            (Tensor top, Tensor flat) = joint.topk(keep, dim: 1);
            Tensor parent = flat.div(count, rounding_mode: RoundingMode.floor);
            Tensor choice = flat.remainder(count);
            Tensor kept = designs.shape[2] == 0
                ? zeros(rows, keep, 0, dtype: ScalarType.Int64)
                : designs.gather(1, parent.unsqueeze(2).expand(-1, -1, designs.shape[2]));
            designs = cat(new[] { kept, choice.unsqueeze(2) }, 2);
            scores = top;
        }

        return designs;
    }
}
