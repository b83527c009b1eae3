using Gandse.Tasks;

namespace Gandse.Harness;

/// <summary>The best feasible cost after each evaluated design, in proposal order: the x of every calls curve.</summary>
public static class BestSoFar
{
    /// <summary>
    /// The least <paramref name="metric"/> among the feasible designs of <paramref name="evaluation"/> (one query's
    /// row) up to each one; infinite before the first feasible design.
    /// </summary>
    public static double[] Costs(CandidateEvaluation evaluation, string metric)
    {
        bool[] feasible = evaluation.Feasible.reshape(-1).data<bool>().ToArray();
        double[] cost = evaluation.Metrics[metric].reshape(-1).data<double>().ToArray();
        var best = new double[cost.Length];
        double least = double.PositiveInfinity;
        for (int i = 0; i < cost.Length; i++)
        {
            least = feasible[i] ? Math.Min(least, cost[i]) : least;
            best[i] = least;
        }

        return best;
    }
}
