using Gandse.CostModels;
using Gandse.CostModels.Systolic;
using Gandse.Spaces;

namespace Gandse.Tasks;

/// <summary>A named design space with its cost model, the values that parameters left out take and the condition fields its queries give.</summary>
public sealed record SpaceEntry(
    string Name,
    string Description,
    Func<SystolicOptions, ICostModel> CreateCostModel,
    IReadOnlyDictionary<string, string> Defaults,
    Conditions.ConditionSchema Conditions)
{
    public DesignSpace Space => CreateCostModel(SystolicOptions.Default).Space;
}
