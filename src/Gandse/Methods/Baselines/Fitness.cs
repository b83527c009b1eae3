using Gandse.Tasks;
using TorchSharp;
using static TorchSharp.torch;

namespace Gandse.Methods.Baselines;

/// <summary>
/// One number per evaluated candidate for searches and rewards, higher is better: −log2 of the primary cost,
/// minus 10 (a 1024× cost) for being infeasible and 10 per unit of relative constraint violation.
/// </summary>
public static class Fitness
{
    /// <summary>What being infeasible costs, in log2 units of the primary cost (a 1024x cost), and again per unit of relative violation.</summary>
    public const double InfeasiblePenalty = 10.0;

    /// <summary>The fitness of every evaluated candidate, [Q, N], higher is better.</summary>
    public static Tensor Of(IDseTask task, CandidateEvaluation evaluation, double infeasiblePenalty = InfeasiblePenalty)
    {
        Tensor cost = evaluation.Metrics[task.Objective.PrimaryMetric].clamp_min(1e-9).log2();
        Tensor penalty = where(evaluation.Feasible, 0.0, infeasiblePenalty) + (infeasiblePenalty * evaluation.Violation);
        return (-cost - penalty).to_type(ScalarType.Float32);
    }
}
