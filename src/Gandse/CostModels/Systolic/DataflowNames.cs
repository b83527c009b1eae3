namespace Gandse.CostModels.Systolic;

/// <summary>The dataflows' names as SCALE-Sim's configs spell them: os, ws, is.</summary>
public static class DataflowNames
{
    /// <summary>The name SCALE-Sim and the CLI use (os, ws, is).</summary>
    public static string Name(Dataflow dataflow) => dataflow switch
    {
        Dataflow.Os => "os",
        Dataflow.Ws => "ws",
        _ => "is",
    };

    /// <summary>The dataflow named <paramref name="name"/> (os, ws or is, any case); anything else is a <see cref="UsageException"/>.</summary>
    public static Dataflow Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "os" => Dataflow.Os,
        "ws" => Dataflow.Ws,
        "is" => Dataflow.Is,
        _ => throw new UsageException($"dataflow '{name}' is not allowed; allowed: os, ws, is"),
    };
}
