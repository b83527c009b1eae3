namespace Gandse.Conditions;

/// <summary>What a condition field asks of a design.</summary>
public enum FieldRole
{
    /// <summary>A bound on something the design uses (PEs, SRAM, area); absent means unbounded.</summary>
    Budget,

    /// <summary>A bound on a metric the design must meet (a latency target); absent means no target.</summary>
    Target,

    /// <summary>A property of the system the design sits in (a DRAM bandwidth); it always has a value.</summary>
    Environment,

    /// <summary>How the query's layer is to be run, fixed by the query rather than designed (a dataflow template); it always has a value.</summary>
    Mapping,
}
