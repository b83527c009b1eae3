using Gandse.CostModels.Maestro;

namespace Gandse.Simulators.Maestro;

/// <summary>One MAESTRO run: a layer, the dataflow's directives with their sizes resolved, and the hardware flags.</summary>
public sealed record MaestroCase(MaestroLayer Layer, IReadOnlyList<MaestroDirective> Dataflow, MaestroHardware Hardware);
