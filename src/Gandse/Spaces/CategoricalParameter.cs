namespace Gandse.Spaces;

/// <summary>Unordered named choices; a choice's value is its index.</summary>
public sealed class CategoricalParameter : Parameter
{
    private readonly string[] _choices;

    public CategoricalParameter(string name, IEnumerable<string> choices)
        : base(name)
    {
        _choices = choices.ToArray();
        if (_choices.Length == 0 || _choices.Distinct(StringComparer.OrdinalIgnoreCase).Count() != _choices.Length)
        {
            throw new ArgumentException($"Parameter {name} needs distinct choices.", nameof(choices));
        }
    }

    public IReadOnlyList<string> Choices => _choices;

    public override int Count => _choices.Length;

    public override string Kind => "categorical";

    public override double Value(int index) => index;

    public override string Format(int index) => _choices[index];

    public override string DescribeChoices() => "{" + string.Join(", ", _choices) + "}";

    public override int Parse(string token)
    {
        int index = Array.FindIndex(_choices, c => string.Equals(c, token.Trim(), StringComparison.OrdinalIgnoreCase));
        return index >= 0 ? index : throw NotAChoice(token);
    }

    public override double ParseValue(string token) => Parse(token);

    public override int IndexOfValue(double value) =>
        value >= 0 && value < _choices.Length && value == Math.Floor(value) ? (int)value : -1;
}
