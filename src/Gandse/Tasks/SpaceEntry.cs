using Gandse.CostModels;
using Gandse.Spaces;

namespace Gandse.Tasks;

/// <summary>
/// A named design space: its cost models by name (the first is the default; a space may offer a fast and an exact
/// one), the values that parameters left out take, the condition fields its queries give and the real simulator
/// that can stand in for its cost model (<c>evaluate --simulator</c>), and the workload values its model reads (a
/// GEMM's M, N, K or a layer's MAESTRO form).
/// </summary>
public sealed record SpaceEntry(
    string Name,
    string Description,
    IReadOnlyList<(string Name, string Description)> Models,
    Func<string, ICostModel> CreateCostModel,
    IReadOnlyDictionary<string, string> Defaults,
    Conditions.ConditionSchema Conditions,
    string Simulator,
    IReadOnlyList<string> WorkloadValues)
{
    /// <summary>The design space.</summary>
    public DesignSpace Space => CostModel().Space;

    /// <summary>The cost model named (the default when null); an unknown name is refused with the allowed ones.</summary>
    public ICostModel CostModel(string? name = null, string flag = "--memory")
    {
        string chosen = name?.Trim().ToLowerInvariant() ?? Models[0].Name;
        return Models.Any(m => m.Name == chosen)
            ? CreateCostModel(chosen)
            : throw new UsageException($"{flag} '{name}' is not allowed for the {Name} space; allowed: {string.Join(", ", Models.Select(m => m.Name))}");
    }
}
