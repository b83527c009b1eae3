using Gandse.Workloads;

namespace Gandse.Conditions;

/// <summary>
/// The condition fields a space or task reads, in order. Queries are built through it, so a field it does not
/// declare is refused, a missing one takes its default and a value out of range names its flag or column.
/// The order is the order of the fields in network features.
/// </summary>
public sealed class ConditionSchema
{
    /// <summary>A schema of <paramref name="fields"/>; names must be distinct.</summary>
    public ConditionSchema(IEnumerable<ConditionField> fields)
    {
        Fields = fields.ToList();
        var duplicate = Fields.GroupBy(f => f.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Condition field '{duplicate.Key}' is declared twice.", nameof(fields));
        }

        if (Fields.FirstOrDefault(f => f.Role == FieldRole.Environment && f.Default is null && !f.Required) is ConditionField loose)
        {
            throw new ArgumentException($"Environment field '{loose.Name}' needs a default or must be required.", nameof(fields));
        }
    }

    /// <summary>The fields, in the order features and tables use.</summary>
    public IReadOnlyList<ConditionField> Fields { get; }

    /// <summary>The fields' names.</summary>
    public IEnumerable<string> Names => Fields.Select(f => f.Name);

    /// <summary>The field named <paramref name="name"/>, or null.</summary>
    public ConditionField? Find(string name) => Fields.FirstOrDefault(f => f.Name == name);

    /// <summary>Whether the schema has a field named <paramref name="name"/>.</summary>
    public bool Reads(string name) => Find(name) is not null;

    /// <summary>The fields named, in the order given.</summary>
    public ConditionSchema Only(params string[] names) =>
        new(names.Select(n => Find(n) ?? throw new ArgumentException($"No condition field '{n}'; have: {string.Join(", ", Names)}.", nameof(names))));

    /// <summary>The fields that pass <paramref name="keep"/>, in order.</summary>
    public ConditionSchema Where(Func<ConditionField, bool> keep) => new(Fields.Where(keep));

    /// <summary>This schema with one field changed (a task's own default, say).</summary>
    public ConditionSchema With(string name, Func<ConditionField, ConditionField> change) =>
        Find(name) is null
            ? throw new ArgumentException($"No condition field '{name}'; have: {string.Join(", ", Names)}.", nameof(name))
            : new(Fields.Select(f => f.Name == name ? change(f) : f));

    /// <summary>
    /// The query for <paramref name="workload"/> with the values <paramref name="given"/>: each checked, the rest
    /// defaulted (unbounded budgets and absent targets as +∞). <paramref name="shown"/> spells a field as the user
    /// gave it (a flag, a column); <paramref name="owner"/> names who reads the schema (a task, a checkpoint).
    /// </summary>
    public Condition Build(Workload workload, IReadOnlyDictionary<string, double> given, string owner, Func<ConditionField, string>? shown = null)
    {
        shown ??= f => f.Name;
        Refuse(given.Keys, owner, name => name);
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (ConditionField field in Fields)
        {
            if (given.TryGetValue(field.Name, out double value))
            {
                values[field.Name] = field.Check(value, shown(field));
            }
            else if (field.Required)
            {
                throw new UsageException($"{owner} needs {shown(field)} ({field.Meaning})");
            }
            else
            {
                values[field.Name] = field.Default ?? double.PositiveInfinity;
            }
        }

        return new Condition(workload, values);
    }

    /// <summary>Refuses any of <paramref name="names"/> the schema does not read, naming what it reads; <paramref name="where"/> prefixes the message (a file).</summary>
    public void Refuse(IEnumerable<string> names, string owner, Func<string, string> shown, string? where = null)
    {
        if (names.FirstOrDefault(n => !Reads(n)) is string unread)
        {
            string reads = Fields.Count == 0 ? "no condition fields" : string.Join(", ", Fields.Select(f => shown(f.Name)));
            throw new UsageException($"{where}{shown(unread)} is not read by {owner}, so it would be ignored; {owner} reads {reads}");
        }
    }

    /// <summary>
    /// The values each drawn field is drawn from: <paramref name="given"/> (an experiment's <c>data.draw</c>) where it
    /// names the field, else the field's own <see cref="ConditionField.Drawn"/>; a given name the schema does not read is refused.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<double>> Draws(IReadOnlyDictionary<string, List<double>> given, string owner)
    {
        Refuse(given.Keys, owner, name => $"data.draw.{name}");
        var draws = new Dictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal);
        foreach (ConditionField field in Fields)
        {
            if (given.TryGetValue(field.Name, out List<double>? values))
            {
                draws[field.Name] = values.Select(v => field.Check(v, $"data.draw.{field.Name}")).ToList();
            }
            else if (field.Drawn is { } drawn)
            {
                draws[field.Name] = drawn;
            }
        }

        return draws;
    }

    /// <summary>The fields' network inputs for <paramref name="condition"/>, in schema order.</summary>
    public void Encode(Condition condition, Span<float> into)
    {
        for (int f = 0; f < Fields.Count; f++)
        {
            into[f] = Fields[f].Encoding.Encode(condition[Fields[f].Name]);
        }
    }

    /// <summary>The union of <paramref name="schemas"/>, first declaration of each name kept.</summary>
    public static ConditionSchema Union(IEnumerable<ConditionSchema> schemas) =>
        new(schemas.SelectMany(s => s.Fields).GroupBy(f => f.Name).Select(g => g.First()));
}
