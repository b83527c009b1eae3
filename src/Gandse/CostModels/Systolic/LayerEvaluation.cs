using Gandse.Workloads;

namespace Gandse.CostModels.Systolic;

/// <summary>One layer of a network evaluated on the array: its dataflow and its metrics for one run of it.</summary>
public sealed record LayerEvaluation(NetworkLayer Layer, Dataflow Dataflow, IReadOnlyDictionary<string, double> Metrics)
{
    /// <summary>Total cycles of all the layer's runs.</summary>
    public double TotalCycles => Metrics[SystolicMetricNames.TotalCycles] * Layer.Repeats;

    /// <summary>Stall cycles of all the layer's runs.</summary>
    public double StallCycles => Metrics[SystolicMetricNames.StallCycles] * Layer.Repeats;
}
