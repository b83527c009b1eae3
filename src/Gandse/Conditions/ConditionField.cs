using System.Globalization;

namespace Gandse.Conditions;

/// <summary>
/// One named value of a query, declared by the space or task that reads it. Its <see cref="Name"/> is the CSV
/// column, the JSON field and the key cost models and objectives read; its flag is <c>--name-with-dashes</c>.
/// Values outside [<see cref="Min"/>, <see cref="Max"/>] are refused.
/// </summary>
public sealed record ConditionField(string Name, string Unit, string Meaning, FieldRole Role, double Min, double Max, FieldEncoding Encoding)
{
    /// <summary>Only whole numbers are allowed.</summary>
    public bool Integer { get; init; }

    /// <summary>The value when none is given; null means unbounded (budgets) or no target (targets).</summary>
    public double? Default { get; init; }

    /// <summary>Where the default comes from, for help texts (e.g. "SCALE-Sim v2's google.cfg").</summary>
    public string? DefaultNote { get; init; }

    /// <summary>Every query must give this field.</summary>
    public bool Required { get; init; }

    /// <summary>
    /// Names for the values 0, 1, 2, … of a field that picks one of several (a dataflow template): flags and columns
    /// take a name (or its number), tables show it. Null for a numeric field.
    /// </summary>
    public IReadOnlyList<string>? Choices { get; init; }

    /// <summary>The values training conditions draw it from when the experiment does not say (<c>data.draw</c>); null for fields labelling sets (targets).</summary>
    public IReadOnlyList<double>? Drawn { get; init; }

    /// <summary>The command-line option that sets this field (--mac-budget for mac_budget).</summary>
    public string Flag => "--" + Name.Replace('_', '-');

    /// <summary>The default as help text shows it ("unbounded" when there is none).</summary>
    public string DefaultText =>
        Required ? "required"
        : Default is double value ? Show(value) + (DefaultNote is null ? string.Empty : $", {DefaultNote}")
        : Role == FieldRole.Target ? "none" : "unbounded";

    /// <summary>The value of <paramref name="token"/>, as <paramref name="shown"/> (a flag or a column) gives it; refused with a one-line reason.</summary>
    public double Parse(string token, string shown)
    {
        if (Choices is not null)
        {
            int choice = Choices.ToList().FindIndex(c => string.Equals(c, token.Trim(), StringComparison.OrdinalIgnoreCase));
            if (choice >= 0)
            {
                return choice;
            }
        }

        bool parsed = double.TryParse(token.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double value);
        return parsed ? Check(value, shown, token) : throw new UsageException($"{shown} '{token}' is not allowed; expected {Expected}");
    }

    /// <summary><paramref name="value"/> when it is allowed; otherwise a usage error naming <paramref name="shown"/>.</summary>
    public double Check(double value, string shown, string? token = null)
    {
        bool allowed = double.IsFinite(value) && value >= Min && value <= Max && (!Integer || Math.Floor(value) == value);
        return allowed ? value : throw new UsageException($"{shown} '{token ?? Format(value)}' is not allowed; expected {Expected}");
    }

    private string Expected => Choices is not null
        ? $"one of {string.Join(", ", Choices)}"
        : $"{(Integer ? "a whole number" : "a number")} from {Format(Min)} to {Format(Max)} ({Unit})";

    /// <summary>A value as tables show it: its choice's name, or the number.</summary>
    public string Show(double value) => Choices is not null && value >= 0 && value < Choices.Count && Math.Floor(value) == value ? Choices[(int)value] : Format(value);

    /// <summary>Whole numbers in full (1000000000000, not 1E+12), others in up to ten significant digits.</summary>
    public static string Format(double value) =>
        Math.Floor(value) == value && Math.Abs(value) < 1e16
            ? ((long)value).ToString(CultureInfo.InvariantCulture)
            : value.ToString("G10", CultureInfo.InvariantCulture);
}
