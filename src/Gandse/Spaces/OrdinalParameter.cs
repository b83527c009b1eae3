using System.Globalization;

namespace Gandse.Spaces;

/// <summary>Ordered numeric choices, such as powers of two.</summary>
public sealed class OrdinalParameter : Parameter
{
    private readonly double[] _values;

    /// <summary>A parameter <paramref name="name"/> taking one of <paramref name="values"/>, ordered (ascending, distinct).</summary>
    public OrdinalParameter(string name, IEnumerable<double> values)
        : base(name)
    {
        _values = values.ToArray();
        if (_values.Length == 0)
        {
            throw new ArgumentException($"Parameter {name} needs at least one choice.", nameof(values));
        }

        for (int i = 1; i < _values.Length; i++)
        {
            if (!(_values[i] > _values[i - 1]))
            {
                throw new ArgumentException($"Choices of {name} must be strictly increasing.", nameof(values));
            }
        }
    }

    /// <summary>The powers of two from <paramref name="min"/> to <paramref name="max"/>, both included.</summary>
    public static OrdinalParameter PowersOfTwo(string name, int min, int max)
    {
        var values = new List<double>();
        for (long v = min; v <= max; v *= 2)
        {
            values.Add(v);
        }

        return new OrdinalParameter(name, values);
    }

    /// <summary>The values, ascending.</summary>
    public IReadOnlyList<double> Values => _values;

    /// <inheritdoc/>
    public override int Count => _values.Length;

    /// <inheritdoc/>
    public override string Kind => "ordinal";

    /// <inheritdoc/>
    public override double Value(int index) => _values[index];

    /// <inheritdoc/>
    public override string Format(int index) => _values[index].ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public override string DescribeChoices() =>
        "{" + string.Join(", ", _values.Select(v => v.ToString(CultureInfo.InvariantCulture))) + "}";

    /// <inheritdoc/>
    public override int Parse(string token)
    {
        if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            throw NotAChoice(token);
        }

        int index = IndexOfValue(value);
        return index >= 0 ? index : throw NotAChoice(token);
    }

    /// <summary>Any positive number; an integer when every choice is one.</summary>
    public override double ParseValue(string token)
    {
        bool integral = _values.All(v => v == Math.Floor(v));
        bool parsed = double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double value);
        if (!parsed || !(value > 0) || !double.IsFinite(value) || (integral && value != Math.Floor(value)))
        {
            throw new UsageException($"{Name}='{token}' is not allowed; expected a positive {(integral ? "integer" : "number")}");
        }

        return value;
    }

    /// <inheritdoc/>
    public override int IndexOfValue(double value) => Array.IndexOf(_values, value);
}
