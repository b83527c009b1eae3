using Gandse.Spaces;
using Gandse.Tasks;
using static TorchSharp.torch;

namespace Gandse.Data;

/// <summary>
/// The near-optimal designs of labelled conditions as tensors, for training on them: every design within the
/// dataset's tolerance of the optimum, so a learner is not taught one arbitrary optimum among near-ties.
/// </summary>
public sealed class NearOptimalSets
{
    private NearOptimalSets(Tensor designs, Tensor counts)
    {
        Designs = designs;
        Counts = counts;
    }

    /// <summary>[C, K, P] design indices; a set shorter than K is padded with its best design, and an empty set is the optimum alone.</summary>
    public Tensor Designs { get; }

    /// <summary>[C] the size of each condition's set.</summary>
    public Tensor Counts { get; }

    /// <summary>The sets of <paramref name="conditions"/>, in order.</summary>
    public static NearOptimalSets Of(IDseTask task, IReadOnlyList<LabelledCondition> conditions)
    {
        int width = task.Space.Parameters.Count;
        int k = Math.Max(1, conditions.Count == 0 ? 1 : conditions.Max(c => c.NearOptimal.Count));
        var flat = new long[conditions.Count * k * width];
        var counts = new long[conditions.Count];
        for (int c = 0; c < conditions.Count; c++)
        {
            IReadOnlyList<Design> set = conditions[c].NearOptimal.Count > 0 ? conditions[c].NearOptimal : new[] { conditions[c].Optimum };
            counts[c] = set.Count;
            for (int i = 0; i < k; i++)
            {
                Design design = set[i < set.Count ? i : 0];
                for (int p = 0; p < width; p++)
                {
                    flat[(((c * k) + i) * width) + p] = design[p];
                }
            }
        }

        return new NearOptimalSets(tensor(flat, new long[] { conditions.Count, k, width }), tensor(counts));
    }

    /// <summary>One design per index, drawn uniformly from that condition's set by <paramref name="sampler"/>: [B, P].</summary>
    public Tensor Pick(Tensor index, Generator sampler)
    {
        Tensor counts = Counts.index_select(0, index);
        Tensor pick = minimum((rand(index.shape, generator: sampler) * counts).floor().to_type(ScalarType.Int64), counts - 1);
        Tensor sets = Designs.index_select(0, index);
        return sets.gather(1, pick.view(-1, 1, 1).expand(-1, 1, sets.shape[2])).squeeze(1);
    }
}
