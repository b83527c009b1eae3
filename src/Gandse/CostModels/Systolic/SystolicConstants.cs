namespace Gandse.CostModels.Systolic;

/// <summary>The constants of the first-order energy and area model, each with its source.</summary>
public static class SystolicConstants
{
    /// <summary>Energy of one MAC: the unit (Eyeriss, Chen et al., ISCA 2016, Fig. "normalized energy cost").</summary>
    public const double MacEnergy = 1.0;

    /// <summary>
    /// Energy of one operand hop between neighbouring PEs: 2 MAC units (Eyeriss, ISCA 2016). In every dataflow
    /// two values move per MAC (os: ifmap and filter; ws: ifmap and partial sum; is: filter and partial sum).
    /// </summary>
    public const double InterPeHopEnergy = 2.0;

    /// <summary>Operand hops between PEs per MAC, for the energy model.</summary>
    public const double HopsPerMac = 2.0;

    /// <summary>Energy of one global-buffer (SRAM) access: 6 MAC units (Eyeriss, ISCA 2016).</summary>
    public const double SramAccessEnergy = 6.0;

    /// <summary>Energy of one DRAM access: 200 MAC units (Eyeriss, ISCA 2016).</summary>
    public const double DramAccessEnergy = 200.0;

    /// <summary>Area of one PE, MAESTRO units (MAESTRO's area model as used by ArchGym's MAESTRO environment).</summary>
    public const double PeArea = 4470.0;

    /// <summary>
    /// Area of 32 KiB of SRAM, MAESTRO units (same source). MAESTRO rounds up to whole 32 KiB banks; Gandse's
    /// buffers go down to 1 KiB, so the area is scaled linearly instead: 4161.536 per 32,768 bytes.
    /// </summary>
    public const double SramAreaPer32KiB = 4161.536;

    /// <summary>Bytes per SRAM bank, for the area model.</summary>
    public const double SramBankBytes = 32768.0;
}
