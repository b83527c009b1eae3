using Gandse.CostModels;
using Gandse.CostModels.Maestro;
using Gandse.CostModels.Systolic;
using Gandse.Spaces;
using Gandse.Workloads;

namespace Gandse.Tasks;

/// <summary>The design spaces the CLI knows by name.</summary>
public static class SpaceCatalog
{
    private static readonly SpaceEntry[] Entries =
    {
        new(
            SystolicSpace.Name,
            "SCALE-Sim-style systolic array: array shape, dataflow and three SRAM buffers (the space behind AIrchitect)",
            new[]
            {
                ("fast", "SCALE-Sim v2's DRAM counts, estimated stalls"),
                ("exact", "SCALE-Sim v2's memory system replayed line by line; slower"),
            },
            model => new SystolicCostModel(SystolicSpace.Create(), new SystolicOptions(model == "exact" ? SystolicMemoryModel.Exact : SystolicMemoryModel.Fast)),
            SystolicSpace.Defaults,
            SystolicConditions.Schema,
            "scalesim",
            new[] { GemmFields.M, GemmFields.N, GemmFields.K }),
        new(
            MaestroSpace.Name,
            "MAESTRO-style dataflow accelerator: a dataflow template (dla, eye, shi, dpt), PEs and the template's tile and cluster sizes (ClusterSz 0: all PEs in one cluster; the space of ConfuciuX and AIrchitect v2)",
            new[] { ("maestro", "MAESTRO's analytical model, exact (held to the real MAESTRO by oracle tests)") },
            _ => new MaestroCostModel(),
            MaestroSpace.Defaults,
            MaestroConditions.Schema,
            "maestro",
            ConvFields.All),
    };

    /// <summary>The spaces evaluate and optimum may name.</summary>
    public static IReadOnlyList<string> Names => Entries.Select(e => e.Name).ToList();

    /// <summary>
    /// Every condition field some space declares, and the dataflow a maestro task's query fixes: the CLI's
    /// condition flags and the CSV columns it knows.
    /// </summary>
    public static Conditions.ConditionSchema AllConditions { get; } =
        Conditions.ConditionSchema.Union(Entries.Select(e => e.Conditions).Append(new Conditions.ConditionSchema(new[] { MaestroConditions.DataflowField })));

    /// <summary>The space named <paramref name="name"/>; an unknown name is a <see cref="UsageException"/> listing them.</summary>
    public static SpaceEntry Get(string name) =>
        Entries.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new UsageException($"unknown space '{name}'; allowed: {string.Join(", ", Names)}");
}
