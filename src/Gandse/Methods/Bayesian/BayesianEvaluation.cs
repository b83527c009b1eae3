using static TorchSharp.torch;

namespace Gandse.Methods.Bayesian;

/// <summary>
/// What one batch of evaluations tells Bayesian optimisation: each design's objective value [n] (higher is
/// better, finite) and, when the query has constraints the search cannot check before evaluating (a latency
/// target, an area budget), each design's slack [n]: how far its worst such constraint is from its limit, ≤ 0
/// when all hold (log2 of usage over limit). A null slack means nothing unknown constrains the query.
/// </summary>
public sealed record BayesianEvaluation(Tensor Value, Tensor? Slack);
