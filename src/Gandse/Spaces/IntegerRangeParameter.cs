using System.Globalization;

namespace Gandse.Spaces;

/// <summary>Every integer from <see cref="Min"/> to <see cref="Max"/>, both included.</summary>
public sealed class IntegerRangeParameter : Parameter
{
    /// <summary>A parameter <paramref name="name"/> taking every integer from <paramref name="min"/> to <paramref name="max"/>.</summary>
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

    /// <summary>The least value.</summary>
    public int Min { get; }

    /// <summary>The greatest value.</summary>
    public int Max { get; }

    /// <inheritdoc/>
    public override int Count => Max - Min + 1;

    /// <inheritdoc/>
    public override string Kind => "integer";

    /// <inheritdoc/>
    public override double Value(int index) => Min + index;

    /// <inheritdoc/>
    public override string Format(int index) => (Min + index).ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public override string DescribeChoices() => $"integers {Min}..{Max}";

    /// <inheritdoc/>
    public override int Parse(string token)
    {
        if (!int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value))
        {
            throw NotAChoice(token);
        }

        int index = IndexOfValue(value);
        return index >= 0 ? index : throw NotAChoice(token);
    }

    /// <inheritdoc/>
    public override double ParseValue(string token) => Value(Parse(token));

    /// <inheritdoc/>
    public override int IndexOfValue(double value) =>
        value >= Min && value <= Max && value == Math.Floor(value) ? (int)value - Min : -1;
}
