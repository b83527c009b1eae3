using Gandse.Spaces;

namespace Gandse.Harness;

/// <summary>One candidate after exact verification.</summary>
public sealed record RankedCandidate(Design Design, bool Feasible, double Violation, IReadOnlyDictionary<string, double> Metrics);
