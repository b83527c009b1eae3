namespace Gandse.CostModels.Systolic;

/// <summary>Settings of the systolic cost model that are not design parameters.</summary>
/// <param name="OsFill">Output-stationary cycle convention; SCALE-Sim v2's by default.</param>
/// <param name="WordBytes">Bytes per operand word; SCALE-Sim's SRAM sizes are in KB of 1-byte words.</param>
public sealed record SystolicOptions(OsFillConvention OsFill = OsFillConvention.ScaleSimV2, int WordBytes = 1)
{
    public static SystolicOptions Default { get; } = new();
}
