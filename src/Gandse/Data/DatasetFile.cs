using System.Text.Json;
using System.Text.Json.Serialization;
using Gandse.Conditions;
using Gandse.Io;
using Gandse.Spaces;
using Gandse.Tasks;
using Gandse.Workloads;

namespace Gandse.Data;

/// <summary>
/// A dataset on disk: one JSON file, <c>&lt;task&gt;-&lt;hash&gt;.json</c>, written atomically. Designs are
/// lists of choice indices in the space's parameter order (listed under <c>parameters</c>); each condition
/// holds its workload spec, its condition fields by name (as the task's schema declares them; unbounded as
/// <c>"Infinity"</c>), optimum, the optimum's metrics and its near-optimal designs.
/// </summary>
public static class DatasetFile
{
    /// <summary>Bumped whenever the format or the labelling changes, so old caches are not reused.</summary>
    public const int FormatVersion = 2;

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Writes the dataset atomically to <paramref name="path"/>.</summary>
    public static void Write(string path, Dataset dataset, DesignSpace space)
    {
        var file = new FileDto(
            FormatVersion, dataset.Task, dataset.Hash, space.Name, space.Parameters.Select(p => p.Name).ToList(),
            Dataset.SplitNames.ToDictionary(name => name, name => dataset.Split(name).Select(ToDto).ToList()));
        AtomicFile.Write(path, stream => JsonSerializer.Serialize(stream, file, Options));
    }

    /// <summary>Reads a dataset; a truncated, corrupt or foreign file is a <see cref="UsageException"/> naming it.</summary>
    public static Dataset Read(string path, DesignSpace space)
    {
        FileDto file;
        try
        {
            using FileStream stream = File.OpenRead(path);
            file = JsonSerializer.Deserialize<FileDto>(stream, Options) ?? throw new JsonException("empty file");
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"dataset {path} is malformed: {error.Message}; delete it to rebuild", error);
        }

        if (file.Format != FormatVersion || !file.Parameters.SequenceEqual(space.Parameters.Select(p => p.Name)))
        {
            throw new InvalidDataException($"dataset {path} has format {file.Format} or parameters that differ from this version; delete it to rebuild");
        }

        List<LabelledCondition> Split(string name) => file.Splits[name].Select(FromDto).ToList();
        return new Dataset(file.Task, file.Hash, Split("train"), Split("val"), Split("test"));
    }

    /// <summary>Labels done so far, in draft order, kept when labelling is interrupted (<c>&lt;cache&gt;.partial</c>).</summary>
    public static void WritePartial(string path, IReadOnlyList<LabelledCondition> labelled) =>
        AtomicFile.Write(path, stream => JsonSerializer.Serialize(stream, new PartialDto(FormatVersion, labelled.Select(ToDto).ToList()), Options));

    /// <summary>The labels a previous, interrupted build kept; empty when there are none or they cannot be read.</summary>
    public static IReadOnlyList<LabelledCondition> ReadPartial(string path)
    {
        if (!File.Exists(path))
        {
            return Array.Empty<LabelledCondition>();
        }

        try
        {
            using FileStream stream = File.OpenRead(path);
            PartialDto? partial = JsonSerializer.Deserialize<PartialDto>(stream, Options);
            return partial is { Format: FormatVersion } ? partial.Labelled.Select(FromDto).ToList() : Array.Empty<LabelledCondition>();
        }
        catch (JsonException)
        {
            // A partial file is only a head start: an unreadable one is relabelled, never trusted.
            return Array.Empty<LabelledCondition>();
        }
    }

    private sealed record PartialDto(int Format, List<ConditionDto> Labelled);

    private static ConditionDto ToDto(LabelledCondition labelled)
    {
        Condition condition = labelled.Condition;
        return new ConditionDto(
            condition.Workload.Spec,
            new Dictionary<string, double>(condition.Fields),
            labelled.Optimum.Indices.ToList(),
            new Dictionary<string, double>(labelled.OptimumMetrics),
            labelled.NearOptimal.Select(d => d.Indices.ToList()).ToList());
    }

    private static LabelledCondition FromDto(ConditionDto dto) => new(
        new Condition(WorkloadParser.Parse(dto.Workload), dto.Fields),
        new Design(dto.Optimum),
        dto.OptimumMetrics,
        dto.NearOptimal.Select(d => new Design(d)).ToList());

    private sealed record FileDto(
        int Format, string Task, string Hash, string Space, List<string> Parameters, Dictionary<string, List<ConditionDto>> Splits);

    private sealed record ConditionDto(
        string Workload,
        Dictionary<string, double> Fields,
        List<int> Optimum,
        Dictionary<string, double> OptimumMetrics,
        List<List<int>> NearOptimal);
}
