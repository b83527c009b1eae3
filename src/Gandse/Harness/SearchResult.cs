using Gandse.CostModels;

namespace Gandse.Harness;

/// <summary>What <see cref="SingleSearch"/> found.</summary>
/// <param name="Method">The method that searched.</param>
/// <param name="Best">The best verified design (infeasible when none met the constraints).</param>
/// <param name="Calls">The evaluations the query was charged.</param>
/// <param name="Milliseconds">Wall time from the first proposal to the verified answer.</param>
/// <param name="BestSoFar">The objective's primary metric of the best feasible design after each evaluated design (infinite before the first feasible one).</param>
public sealed record SearchResult(string Method, RankedCandidate Best, EvaluationCount Calls, double Milliseconds, IReadOnlyList<double> BestSoFar);
