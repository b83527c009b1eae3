using Gandse.Tasks;

namespace Gandse.Data;

/// <summary>Labelled conditions of a task in three splits that share no workload.</summary>
public sealed record Dataset(
    string Task,
    string Hash,
    IReadOnlyList<LabelledCondition> Train,
    IReadOnlyList<LabelledCondition> Val,
    IReadOnlyList<LabelledCondition> Test)
{
    /// <summary>train, val and test.</summary>
    public static IReadOnlyList<string> SplitNames { get; } = new[] { "train", "val", "test" };

    /// <summary>The split named <paramref name="name"/> (one of <see cref="SplitNames"/>).</summary>
    public IReadOnlyList<LabelledCondition> Split(string name) => name switch
    {
        "train" => Train,
        "val" => Val,
        "test" => Test,
        _ => throw new UsageException($"unknown split '{name}'; allowed: {string.Join(", ", SplitNames)}"),
    };
}
