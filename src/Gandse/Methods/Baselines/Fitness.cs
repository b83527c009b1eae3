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
    public const double InfeasiblePenalty = 10.0;

    public static Tensor Of(IDseTask task, CandidateEvaluation evaluation, double infeasiblePenalty = InfeasiblePenalty)
    {
        Tensor cost = evaluation.Metrics[task.Objective.PrimaryMetric].clamp_min(1e-9).log2();
        Tensor penalty = where(evaluation.Feasible, 0.0, infeasiblePenalty) + (infeasiblePenalty * evaluation.Violation);
        return (-cost - penalty).to_type(ScalarType.Float32);
    }
}
