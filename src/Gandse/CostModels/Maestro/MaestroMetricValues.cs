namespace Gandse.CostModels.Maestro;

/// <summary>The maestro space's metric names (snake_case, as every Gandse metric) and a <see cref="MaestroMetrics"/> as named values.</summary>
public static class MaestroMetricValues
{
    /// <summary>Runtime in cycles.</summary>
    public const string RuntimeCycles = "runtime_cycles";
    /// <summary>MAESTRO's activity-count-based energy, nJ.</summary>
    public const string Energy = "energy";
    /// <summary>Area, MAESTRO's units.</summary>
    public const string Area = "area";
    /// <summary>Power, MAESTRO's units.</summary>
    public const string Power = "power";
    /// <summary>L1 bytes the mapping needs per PE.</summary>
    public const string L1SizeReq = "l1_size_req";
    /// <summary>L2 bytes the mapping needs.</summary>
    public const string L2SizeReq = "l2_size_req";
    /// <summary>MACs MAESTRO counts.</summary>
    public const string NumMacs = "num_macs";
    /// <summary>MACs per cycle.</summary>
    public const string Throughput = "throughput";
    /// <summary>1 when MAESTRO accepts the mapping and it fits L1 and L2, else 0.</summary>
    public const string Valid = "valid";

    /// <summary>Every metric, in report order.</summary>
    public static IReadOnlyList<string> All { get; } = new[] { RuntimeCycles, Energy, Area, Power, L1SizeReq, L2SizeReq, NumMacs, Throughput, Valid };

    /// <summary><paramref name="m"/> as named values.</summary>
    public static IReadOnlyDictionary<string, double> Of(MaestroMetrics m) => new Dictionary<string, double>
    {
        [RuntimeCycles] = m.RuntimeCycles, [Energy] = m.Energy, [Area] = m.Area, [Power] = m.Power, [L1SizeReq] = m.L1SizeReq,
        [L2SizeReq] = m.L2SizeReq, [NumMacs] = m.NumMacs, [Throughput] = m.Throughput, [Valid] = m.Valid ? 1 : 0,
    };
}
