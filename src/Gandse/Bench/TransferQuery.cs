namespace Gandse.Bench;

/// <summary>One query of a transfer sequence, as one method answered it.</summary>
/// <param name="Method">bo or bo-transfer.</param>
/// <param name="Kind">The sequence's kind.</param>
/// <param name="Sequence">The sequence's name.</param>
/// <param name="Position">0 for the first query of its sequence (nothing to transfer from yet).</param>
/// <param name="BestSoFar">optimum / best feasible cost after 1, 2, … calls (0 while nothing feasible was found).</param>
public sealed record TransferQuery(string Method, string Kind, string Sequence, int Position, IReadOnlyList<double> BestSoFar)
{
    /// <summary>Calls until the best so far reached <paramref name="quality"/>; null when the budget ran out first.</summary>
    public int? CallsTo(double quality)
    {
        for (int i = 0; i < BestSoFar.Count; i++)
        {
            if (BestSoFar[i] >= quality)
            {
                return i + 1;
            }
        }

        return null;
    }

    /// <summary>The best so far after <paramref name="calls"/> calls (the last one when the search stopped sooner).</summary>
    public double At(int calls) => BestSoFar.Count == 0 ? 0 : BestSoFar[Math.Min(calls, BestSoFar.Count) - 1];
}
