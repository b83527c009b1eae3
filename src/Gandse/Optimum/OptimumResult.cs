using System.Numerics;
using Gandse.Spaces;

namespace Gandse.Optimum;

/// <summary>
/// The exact best feasible design of a space for one condition, or none when no design is feasible.
/// <see cref="FeasibleCount"/> is how many designs met every constraint, or, for a model with bounds, how many
/// the bounds could not rule out (every constraint on exact quantities is met by these).
/// </summary>
public sealed record OptimumResult(
    Design? Design,
    IReadOnlyDictionary<string, double>? Metrics,
    BigInteger SpaceSize,
    long FeasibleCount,
    TimeSpan Elapsed)
{
    /// <summary>Whether a feasible design exists.</summary>
    public bool Found => Design is not null;

    /// <summary>Near-optimal designs, best first, when asked for.</summary>
    public IReadOnlyList<Design> NearOptimal { get; init; } = Array.Empty<Design>();

    /// <summary>Designs the cost model evaluated in full (all of them, unless it has bounds that ruled some out).</summary>
    public long? EvaluatedCount { get; init; }
}
