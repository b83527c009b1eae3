namespace Gandse.CostModels;

/// <summary>
/// The cost-model evaluations one query caused: distinct whole designs evaluated, distinct layer runs (what a
/// layer-by-layer simulator such as SCALE-Sim would run; equal to designs for one-layer workloads) and
/// closed-form evaluations (a network generator's compute-cycle features while proposing, and the lower bounds
/// verification orders candidates by): cheap, no memory simulated, and no simulator could give them.
/// </summary>
public readonly record struct EvaluationCount(long Designs, long Layers, double Analytic)
{
    /// <summary>The two counts added.</summary>
    public static EvaluationCount operator +(EvaluationCount a, EvaluationCount b) => new(a.Designs + b.Designs, a.Layers + b.Layers, a.Analytic + b.Analytic);
}
