using Gandse.Workloads;

namespace Gandse.Simulators;

/// <summary>One evaluation for an external simulator: a design's parameter values, one layer, and the environment fields.</summary>
public sealed record SimulatedRow(IReadOnlyDictionary<string, double> Design, Workload Workload, IReadOnlyDictionary<string, double> Environment);
