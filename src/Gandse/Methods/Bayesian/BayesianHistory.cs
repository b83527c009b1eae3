namespace Gandse.Methods.Bayesian;

/// <summary>
/// One query's evaluations, in order: designs, objective values and, with unknown constraints, slacks. Its
/// merit orders them for the search's own choices (which to mutate, which to keep when the GP is capped): the
/// value when feasible, and a 1024× cost (10 in log2 units) plus 10 per unit of slack when not, as the searches'
/// fitness does.
/// </summary>
internal sealed class BayesianHistory
{
    private const double InfeasiblePenalty = 10.0;
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public BayesianHistory(bool constrained) => Constrained = constrained;

    public List<long[]> Designs { get; } = new();

    public List<double> Values { get; } = new();

    /// <summary>Slack per design; NaN when the query has no unknown constraint.</summary>
    public List<double> Slacks { get; } = new();

    /// <summary>Whether the query has constraints only evaluation can check.</summary>
    public bool Constrained { get; }

    public int Count => Designs.Count;

    public IReadOnlySet<string> Seen => _seen;

    public void Add(long[][] rows, double[] values, double[]? slacks)
    {
        for (int i = 0; i < rows.Length; i++)
        {
            _seen.Add(Key(rows[i]));
            Designs.Add(rows[i]);
            Values.Add(values[i]);
            Slacks.Add(slacks?[i] ?? double.NaN);
        }
    }

    public bool Feasible(int i) => !Constrained || Slacks[i] <= 0;

    public double Merit(int i) => Merit(Values[i], Slacks[i]);

    /// <summary>The best value among feasible evaluations, or null when none is feasible yet.</summary>
    public double? BestFeasible()
    {
        double? best = null;
        for (int i = 0; i < Count; i++)
        {
            if (Feasible(i) && (best is null || Values[i] > best))
            {
                best = Values[i];
            }
        }

        return best;
    }

    /// <summary>Evaluation indices, best merit first.</summary>
    public int[] Ranked() => Enumerable.Range(0, Count).OrderByDescending(Merit).ToArray();

    public static double Merit(double value, double slack) =>
        double.IsNaN(slack) || slack <= 0 ? value : value - InfeasiblePenalty - (InfeasiblePenalty * slack);

    public static string Key(long[] design) => string.Join(',', design);
}
