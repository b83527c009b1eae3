using System.Globalization;

namespace Gandse.Spaces;

/// <summary>Every integer from <see cref="Min"/> to <see cref="Max"/>, both included.</summary>
public sealed class IntegerRangeParameter : Parameter
{
    public IntegerRangeParameter(string name, int min, int max)
        : base(name)
    {
        if (max < min)
        {
            throw new ArgumentException($"Range of {name} is empty: {min}..{max}.", nameof(max));
        }

        Min = min;
        Max = max;
    }

    public int Min { get; }

    public int Max { get; }

    public override int Count => Max - Min + 1;

    public override string Kind => "integer";

    public override double Value(int index) => Min + index;

    public override string Format(int index) => (Min + index).ToString(CultureInfo.InvariantCulture);

    public override string DescribeChoices() => $"integers {Min}..{Max}";

    public override int Parse(string token)
    {
        if (!int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value))
        {
            throw NotAChoice(token);
        }

        int index = IndexOfValue(value);
        return index >= 0 ? index : throw NotAChoice(token);
    }

    public override double ParseValue(string token) => Value(Parse(token));

    public override int IndexOfValue(double value) =>
        value >= Min && value <= Max && value == Math.Floor(value) ? (int)value - Min : -1;
}
