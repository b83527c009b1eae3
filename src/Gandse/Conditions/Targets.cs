namespace Gandse.Conditions;

/// <summary>Metric targets a design is asked to meet; null means no target. Latency is in cycles.</summary>
public sealed record Targets(double? Latency = null)
{
    public static Targets None { get; } = new();

    public IEnumerable<KeyValuePair<string, double>> Values()
    {
        yield return new(ConditionFields.TargetLatency, Latency ?? double.PositiveInfinity);
    }
}
