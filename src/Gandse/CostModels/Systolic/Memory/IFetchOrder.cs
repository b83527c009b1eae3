namespace Gandse.CostModels.Systolic.Memory;

/// <summary>
/// The order in which SCALE-Sim v2 prefetches one read operand from DRAM: its prefetch matrix (folds stacked,
/// padding included) read out entry by entry. Padding entries cost DRAM bandwidth but hold no data, so the read
/// buffer's window counts only valid entries.
/// </summary>
internal interface IFetchOrder
{
    /// <summary>Entries that hold data.</summary>
    long ValidCount { get; }

    /// <summary>Entries including padding: what the prefetch matrix holds and DRAM moves when it is read whole.</summary>
    long EntryCount { get; }

    /// <summary>The index, among valid entries in fetch order, of the valid entry at (row, col) of the stacked matrix.</summary>
    long Position(long row, long col);
}
