using Gandse.CostModels;
using Gandse.Tensors;
using static TorchSharp.torch;

namespace Gandse.Harness;

/// <summary>
/// Holds a method to a budget of distinct designs for one query. A one-shot method (one that evaluates nothing
/// while proposing) that proposes repeats is asked again, up to a number of rounds, until it has proposed the
/// budget in distinct designs; the proposals are then cut to the first <c>budget</c> distinct ones. A search
/// that spends its calls while proposing is asked once: asking again would restart it past the budget.
/// </summary>
public static class MeasuredBudget
{
    /// <summary>The query's proposals cut to <paramref name="budget"/> distinct designs, asking again while there are fewer.</summary>
    /// <param name="propose">One round of proposals for the single query, [1, N, P].</param>
    /// <param name="rounds">How many rounds it took (1 when the first sufficed or no top-up applies).</param>
    /// <param name="ledger">The query's ledger: whether proposing evaluated anything decides whether to ask again.</param>
    /// <param name="query">The query's condition values.</param>
    /// <param name="budget">Distinct designs wanted.</param>
    /// <param name="maxRounds">The most rounds of proposals asked for.</param>
    public static Tensor Fill(Func<Tensor> propose, EvaluationLedger ledger, ValueBatch query, int budget, int maxRounds, out int rounds)
    {
        Tensor first = propose();
        rounds = 1;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<long[]>();
        int width = (int)first.shape[^1];
        Keep(first, width, budget, seen, kept);
        bool searched = ledger.CountOf(query).Designs > 0;
        while (!searched && kept.Count < budget && rounds < maxRounds)
        {
            int before = kept.Count;
            Keep(propose(), width, budget, seen, kept);
            rounds++;
            if (kept.Count == before)
            {
                break; // a method that repeats itself exactly (an arg-max) has nothing more to give
            }
        }

        return tensor(kept.SelectMany(d => d).ToArray(), new long[] { 1, kept.Count, width }).to_type(first.dtype);
    }

    private static void Keep(Tensor proposals, int width, int budget, HashSet<string> seen, List<long[]> kept)
    {
        long[] indices = proposals.to_type(TorchSharp.torch.ScalarType.Int64).contiguous().data<long>().ToArray();
        for (int i = 0; i + width <= indices.Length && kept.Count < budget; i += width)
        {
            long[] design = indices.AsSpan(i, width).ToArray();
            if (seen.Add(string.Join(',', design)))
            {
                kept.Add(design);
            }
        }
    }
}
