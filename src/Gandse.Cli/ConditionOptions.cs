using System.CommandLine;
using Gandse.Conditions;
using Gandse.Tasks;

namespace Gandse.Cli;

/// <summary>
/// One flag per condition field of every registered space (<c>--mac-budget</c> from <c>mac_budget</c>), with
/// the field's meaning, unit and default as help. A command reads only what the chosen task, checkpoint or space
/// declares; a flag it would not read is refused, never ignored.
/// </summary>
public sealed class ConditionOptions
{
    private readonly List<(ConditionField Field, Option<string?> Option)> _options;

    /// <param name="defaults">How the help states defaults: null for each field's own, or a phrase such as "the checkpoint's".</param>
    /// <param name="roles">The kinds of field the command takes (evaluate takes only the environment).</param>
    public ConditionOptions(string? defaults = null, params FieldRole[] roles)
    {
        IEnumerable<ConditionField> fields = SpaceCatalog.AllConditions.Fields.Where(f => roles.Length == 0 || roles.Contains(f.Role));
        _options = fields.Select(f => (f, new Option<string?>(f.Flag)
        {
            Description = $"{Capitalised(f.Meaning)} ({f.Unit}; default: {defaults ?? f.DefaultText}).",
            HelpName = f.Unit.Contains(' ') ? "value" : f.Unit,
        })).ToList();
    }

    public IEnumerable<Option> All => _options.Select(o => o.Option);

    /// <summary>The first condition flag given, or null.</summary>
    public string? FirstGiven(ParseResult result) => _options.FirstOrDefault(o => result.GetValue(o.Option) is not null).Field?.Flag;

    /// <summary>
    /// The values given on the command line, by field name, each parsed and range-checked by <paramref name="reads"/>;
    /// a flag <paramref name="reads"/> does not declare is refused, naming <paramref name="owner"/> and what it reads.
    /// </summary>
    public IReadOnlyDictionary<string, double> Given(ParseResult result, ConditionSchema reads, string owner)
    {
        var given = _options.Where(o => result.GetValue(o.Option) is not null).ToList();
        reads.Refuse(given.Select(o => o.Field.Name), owner, Flag);
        return given.ToDictionary(o => o.Field.Name, o => reads.Find(o.Field.Name)!.Parse(result.GetValue(o.Option)!, o.Field.Flag));
    }

    public static string Flag(ConditionField field) => field.Flag;

    private static string Flag(string name) => SpaceCatalog.AllConditions.Find(name)?.Flag ?? name;

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
