namespace Gandse.CostModels.Maestro;

/// <summary>
/// MAESTRO's area and power model (DSE::Accelerator with its embedded cost database): per PE a MAC per SIMD lane and
/// an L1 SRAM of the bytes it needs; one L2 SRAM; a bus NoC whose area and power scale with the PEs it connects and
/// its bandwidth, and a matrix arbiter, each never below its unit figure. Units are MAESTRO's.
/// </summary>
public static class MaestroAccelerator
{
    private const double MacArea = 283, MacPower = 1.2223;
    private const double SramArea = 0.104, SramPower = 0.00345;
    private const double BusArea = 101.7938, BusPower = 0.8;
    private const double ArbiterArea = 395.473, ArbiterPower = 0.34;
    private const double BusC1 = 14.662, BusC0 = 28.895;
    private const double ArbiterC2 = 1.2886, ArbiterC1 = 5.5814, ArbiterC0 = -23.711;

    /// <summary>MAC energy per access unit (nJ): MAESTRO's activity-count energy is the weighted access count times this.</summary>
    public const double MacEnergy = 0.00023;

    /// <summary>Energy weight of an L1 access, in MAC-energy units.</summary>
    public const double L1EnergyWeight = 1.68;

    /// <summary>Energy weight of an L2 access, in MAC-energy units.</summary>
    public const double L2EnergyWeight = 18.61;

    /// <summary>Area of <paramref name="numPes"/> PEs with <paramref name="simdLanes"/> lanes, L1 and L2 of the given bytes, and a bus of <paramref name="nocBandwidth"/>.</summary>
    public static double Area(int numPes, int simdLanes, int nocBandwidth, int l1Bytes, int l2Bytes)
    {
        double peArray = 0;
        for (int pe = 0; pe < numPes; pe++)
        {
            peArray += (MacArea * simdLanes) + (SramArea * Cells(l1Bytes));
        }

        double arbiter = ArbiterArea * Arbiter(numPes);
        return peArray + (SramArea * Cells(l2Bytes)) + ((BusArea * Bus(numPes) * nocBandwidth) + Math.Max(arbiter, ArbiterArea));
    }

    /// <summary>Power of the same accelerator.</summary>
    public static double Power(int numPes, int simdLanes, int nocBandwidth, int l1Bytes, int l2Bytes)
    {
        double peArray = 0;
        for (int pe = 0; pe < numPes; pe++)
        {
            peArray += (MacPower * simdLanes) + (SramPower * Cells(l1Bytes));
        }

        double arbiter = ArbiterPower * Arbiter(numPes) / 1000;
        return peArray + (SramPower * Cells(l2Bytes)) + ((BusPower * Bus(numPes) / 1000 * nocBandwidth) + Math.Max(arbiter, ArbiterPower));
    }

    // MAESTRO takes an SRAM of 0 bytes as one cell, but keeps a negative size (which its analysis can produce) as it is.
    private static double Cells(int bytes) => bytes == 0 ? 1 : Math.Ceiling((double)bytes);

    private static double Bus(int connections) => (BusC1 * connections) + BusC0;

    private static double Arbiter(int connections) => (ArbiterC2 * Math.Pow(connections, 2)) + (ArbiterC1 * connections) + ArbiterC0;
}
