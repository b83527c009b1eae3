namespace Gandse.CostModels.Maestro.Kernel;

/// <summary>
/// The kernel's figures for one layer on one mapping: runtime, MACs, the L1 (per PE) and L2 bytes as MAESTRO sums
/// them (into ints), and the L2 and L1 accesses its activity-count energy weighs (L1 counted only for a dataflow of
/// one cluster level, as MAESTRO's result assembly does).
/// </summary>
internal readonly record struct KernelResult(long Runtime, long Macs, int L1Bytes, int L2Bytes, long L2Accesses, long L1Accesses);
