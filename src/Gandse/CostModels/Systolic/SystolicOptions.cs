namespace Gandse.CostModels.Systolic;

/// <summary>Settings of the systolic cost model that are not design parameters.</summary>
/// <param name="Memory">How the memory system is modelled: the fast walk (default) or an exact replay of SCALE-Sim v2's.</param>
/// <param name="WordBytes">Bytes per operand word; SCALE-Sim's SRAM sizes are in KB of 1-byte words.</param>
public sealed record SystolicOptions(SystolicMemoryModel Memory = SystolicMemoryModel.Fast, int WordBytes = 1)
{
    /// <summary>The options SCALE-Sim v2's defaults correspond to.</summary>
    public static SystolicOptions Default { get; } = new();

    /// <summary>Words an SRAM of <paramref name="kilobytes"/> KB holds.</summary>
    public long Words(double kilobytes) => (long)Math.Floor(kilobytes * 1024.0 / WordBytes);
}
