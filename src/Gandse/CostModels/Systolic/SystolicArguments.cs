namespace Gandse.CostModels.Systolic;

/// <summary>Argument checks shared by the scalar systolic models.</summary>
internal static class SystolicArguments
{
    public static void Check(SystolicHardware hardware, double bandwidth)
    {
        if (hardware.Rows <= 0 || hardware.Cols <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(hardware), "Array rows and cols must be positive.");
        }

        if (!(hardware.IfmapSramKb >= 1 && hardware.FilterSramKb >= 1 && hardware.OfmapSramKb >= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(hardware), "SRAM sizes must be at least 1 KB.");
        }

        if (!(bandwidth >= 1) || bandwidth != Math.Floor(bandwidth))
        {
            throw new ArgumentOutOfRangeException(nameof(bandwidth), $"DRAM bandwidth must be a whole number of words per cycle, at least 1 (got {bandwidth}).");
        }
    }
}
