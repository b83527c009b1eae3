namespace Gandse.Conditions;

/// <summary>
/// What a design must respect. A null budget is unbounded. <see cref="DramBandwidth"/> (words per cycle) is
/// not a budget on the design but a property of the system it sits in; cost models use it for stalls.
/// </summary>
public sealed record Constraints(double DramBandwidth, double? MacBudget = null, double? SramBudgetKb = null, double? AreaBudget = null)
{
    public IEnumerable<KeyValuePair<string, double>> Values()
    {
        yield return new(ConditionFields.DramBandwidth, DramBandwidth);
        yield return new(ConditionFields.MacBudget, MacBudget ?? double.PositiveInfinity);
        yield return new(ConditionFields.SramBudgetKb, SramBudgetKb ?? double.PositiveInfinity);
        yield return new(ConditionFields.AreaBudget, AreaBudget ?? double.PositiveInfinity);
    }
}
