using Gandse.Conditions;

namespace Gandse.CostModels.Maestro;

/// <summary>
/// The maestro space's condition fields, in MAESTRO's flag names: the NoC's bandwidth, hops and hop latency, the
/// off-chip bandwidth, SIMD lanes per PE, and the L1 and L2 size limits (which decide validity only). Defaults are
/// the ConfuciuX and AIrchitect-v2 setting (third_party/README.md); MAESTRO reads them as ints.
/// </summary>
public static class MaestroConditions
{
    /// <summary>NoC bandwidth, elements per cycle.</summary>
    public const string NocBandwidth = "noc_bw";
    /// <summary>Average NoC hops.</summary>
    public const string NocHops = "noc_hops";
    /// <summary>Cycles per NoC hop.</summary>
    public const string NocHopLatency = "noc_hop_latency";
    /// <summary>Off-chip bandwidth, elements per cycle.</summary>
    public const string OffchipBandwidth = "offchip_bw";
    /// <summary>SIMD lanes per PE.</summary>
    public const string SimdLanes = "num_simd_lanes";
    /// <summary>L1 limit per PE, bytes.</summary>
    public const string L1SizeLimit = "l1_size_cstr";
    /// <summary>L2 limit, bytes.</summary>
    public const string L2SizeLimit = "l2_size_cstr";

    /// <summary>The dataflow template a query's layer runs with (a task that designs only the hardware, as AIrchitect v2's).</summary>
    public const string Dataflow = "dataflow";

    private const double IntMax = int.MaxValue;

    /// <summary>The template a query fixes: dla, eye or shi (AIrchitect v2's three), by index into the maestro space's templates.</summary>
    public static readonly ConditionField DataflowField = new(Dataflow, "template", "the dataflow template the layer runs with", FieldRole.Mapping, 0, 2, new FieldEncoding(1, 1))
    {
        Integer = true,
        Default = 0,
        Choices = new[] { "dla", "eye", "shi" },
    };

    /// <summary>Every field, with the ConfuciuX setting as defaults.</summary>
    public static readonly ConditionSchema Schema = new(new[]
    {
        Field(NocBandwidth, "elements/cycle", "NoC bandwidth (MAESTRO's --noc_bw_cstr)", 1, 81_920_000, 27),
        Field(NocHops, "hops", "average NoC hops (--noc_hops)", 1, 1, 10),
        Field(NocHopLatency, "cycles", "latency per NoC hop (--noc_hop_latency)", 0, 1, 10) with { Encoding = new FieldEncoding(10, 1) },
        Field(OffchipBandwidth, "elements/cycle", "off-chip bandwidth (--offchip_bw_cstr)", 1, 70_000, 27),
        Field(SimdLanes, "lanes", "ALUs per PE (--num_simd_lanes)", 1, 1, 8),
        Field(L1SizeLimit, "bytes", "L1 per PE a mapping may need (--l1_size_cstr)", 1, 819_200_000, 31),
        Field(L2SizeLimit, "bytes", "L2 a mapping may need (--l2_size_cstr)", 1, 819_200_000, 31),
    });

    private static ConditionField Field(string name, string unit, string meaning, double min, double @default, double scale) =>
        new(name, unit, meaning, FieldRole.Environment, min, IntMax, new FieldEncoding(scale, 1))
        {
            Integer = true,
            Default = @default,
            DefaultNote = "the ConfuciuX setting",
        };

    /// <summary>The hardware of one row of condition values (a value absent takes its default).</summary>
    public static MaestroHardware Hardware(int numPes, Func<string, double?> value)
    {
        long Get(string name) => (long)(value(name) ?? Schema.Find(name)!.Default!.Value);
        return new MaestroHardware(
            numPes, (int)Get(SimdLanes), Get(NocBandwidth), (int)Get(NocHops), (int)Get(NocHopLatency), Get(OffchipBandwidth), Get(L1SizeLimit), Get(L2SizeLimit));
    }
}
