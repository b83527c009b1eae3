namespace Gandse.CostModels.Maestro;

/// <summary>
/// When an analysed mapping is not a valid answer: MAESTRO analysed it but found no work (runtime 0, which its
/// analysis gives some degenerate mappings) or negative buffer needs, or it needs more L1 or L2 than the limits
/// allow. A refused mapping (MAESTRO stops on it) is invalid before this.
/// </summary>
public static class MaestroValidity
{
    /// <summary>Why the figures are not a valid answer, or null.</summary>
    public static string? Problem(long runtime, long l1, long l2, MaestroHardware hardware) =>
        runtime <= 0 ? "MAESTRO's analysis gives this mapping no work (runtime 0)"
        : l1 <= 0 || l2 <= 0 ? $"MAESTRO's analysis gives negative buffer needs (L1 {l1}, L2 {l2})"
        : l1 > hardware.L1SizeLimit ? $"needs {l1:N0} bytes of L1 per PE, more than the {hardware.L1SizeLimit:N0} allowed"
        : l2 > hardware.L2SizeLimit ? $"needs {l2:N0} bytes of L2, more than the {hardware.L2SizeLimit:N0} allowed"
        : null;
}
