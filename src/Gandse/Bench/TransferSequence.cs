using Gandse.Conditions;

namespace Gandse.Bench;

/// <summary>Related queries a user might ask one after another: what bo-transfer is measured on.</summary>
/// <param name="Kind">budgets (one GEMM under each MAC budget) or layers (neighbouring layers of a network).</param>
/// <param name="Name">The GEMM or the network and its first layer.</param>
/// <param name="Conditions">The queries, in the order they are asked.</param>
public sealed record TransferSequence(string Kind, string Name, IReadOnlyList<Condition> Conditions);
