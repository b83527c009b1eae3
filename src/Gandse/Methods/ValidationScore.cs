namespace Gandse.Methods;

/// <summary>How a method did on validation queries: feasible rate, geomean quality of the feasible answers, exact matches and the score over all (infeasible as 0).</summary>
public sealed record ValidationScore(double FeasibleRate, double Quality, double ExactMatch, double Score);
