using static TorchSharp.torch;

namespace Gandse.Methods.Bayesian;

/// <summary>
/// What the GPs condition on in a round: the objective's observations (encoded designs and values) and, for a
/// constrained query, the feasibility model's (those with a slack). Beyond <c>max_points</c> of the query's own,
/// the best half by merit and a random half of the rest; a transfer memory's observations come first.
/// </summary>
internal sealed record BayesianObservations(Tensor Ordinal, Tensor Categorical, Tensor Values, Tensor? SlackOrdinal, Tensor? SlackCategorical, Tensor? Slacks)
{
    public static BayesianObservations Of(
        BayesianHistory history, Func<Tensor, (Tensor, Tensor)> encode, TransferMemory? memory, int maxPoints, Generator sampler, int width)
    {
        IEnumerable<int> kept = Enumerable.Range(0, history.Count);
        if (history.Count > maxPoints)
        {
            int[] ranked = history.Ranked();
            int half = maxPoints / 2;
            long[] rest = randperm(ranked.Length - half, generator: sampler).data<long>().Take(maxPoints - half).ToArray();
            kept = ranked.Take(half).Concat(rest.Select(r => ranked[half + (int)r]));
        }

        int[] chosen = kept.ToArray();
        Tensor x = tensor(chosen.SelectMany(i => history.Designs[i]).ToArray(), new long[] { chosen.Length, width });
        (Tensor ordinal, Tensor categorical) = encode(x);
        Tensor values = tensor(chosen.Select(i => history.Values[i]).ToArray(), ScalarType.Float64);
        Tensor slacks = tensor(chosen.Select(i => history.Slacks[i]).ToArray(), ScalarType.Float64);
        if (memory is not null)
        {
            (Tensor earlierOrdinal, Tensor earlierCategorical, double[] earlier, double[] earlierSlacks) = memory.Observations((int)ordinal.shape[1], (int)categorical.shape[1]);
            ordinal = cat(new[] { earlierOrdinal, ordinal }, 0);
            categorical = cat(new[] { earlierCategorical, categorical }, 0);
            values = cat(new[] { tensor(earlier, ScalarType.Float64), values }, 0);
            slacks = cat(new[] { tensor(earlierSlacks, ScalarType.Float64), slacks }, 0);
        }

        if (!history.Constrained)
        {
            return new BayesianObservations(ordinal, categorical, values, null, null, null);
        }

        // Earlier queries without unknown constraints carry no slack: the feasibility model reads the rest.
        Tensor known = slacks.isnan().logical_not().nonzero().squeeze(-1);
        return new BayesianObservations(
            ordinal, categorical, values, ordinal.index_select(0, known), categorical.index_select(0, known), slacks.index_select(0, known));
    }
}
