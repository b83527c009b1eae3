namespace Gandse.Spaces;

/// <summary>Unordered named choices; a choice's value is its index.</summary>
public sealed class CategoricalParameter : Parameter
{
    private readonly string[] _choices;

    /// <summary>A parameter <paramref name="name"/> taking one of <paramref name="choices"/>, unordered.</summary>
    public CategoricalParameter(string name, IEnumerable<string> choices)
        : base(name)
    {
        _choices = choices.ToArray();
        if (_choices.Length == 0 || _choices.Distinct(StringComparer.OrdinalIgnoreCase).Count() != _choices.Length)
        {
            throw new ArgumentException($"Parameter {name} needs distinct choices.", nameof(choices));
        }
    }

    /// <summary>The choices' names.</summary>
    public IReadOnlyList<string> Choices => _choices;

    /// <inheritdoc/>
    public override int Count => _choices.Length;

    /// <inheritdoc/>
    public override string Kind => "categorical";

    /// <inheritdoc/>
    public override double Value(int index) => index;

    /// <inheritdoc/>
    public override string Format(int index) => _choices[index];

    /// <inheritdoc/>
    public override string DescribeChoices() => "{" + string.Join(", ", _choices) + "}";

    /// <inheritdoc/>
    public override int Parse(string token)
    {
        int index = Array.FindIndex(_choices, c => string.Equals(c, token.Trim(), StringComparison.OrdinalIgnoreCase));
        return index >= 0 ? index : throw NotAChoice(token);
    }

    /// <inheritdoc/>
    public override double ParseValue(string token) => Parse(token);

    /// <inheritdoc/>
    public override int IndexOfValue(double value) =>
        value >= 0 && value < _choices.Length && value == Math.Floor(value) ? (int)value : -1;
}
