namespace Gandse.Spaces;

/// <summary>
/// One dimension of a design space: a finite, ordered list of choices. A design picks one choice index per
/// parameter. The numeric value of a choice is what cost models compute with; categorical choices use their
/// index as value.
/// </summary>
public abstract class Parameter
{
    /// <summary>A parameter called <paramref name="name"/>.</summary>
    protected Parameter(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("A parameter needs a name.", nameof(name));
        }

        Name = name;
    }

    /// <summary>The parameter's name.</summary>
    public string Name { get; }

    /// <summary>How many choices it has.</summary>
    public abstract int Count { get; }

    /// <summary>integer, ordinal or categorical.</summary>
    public abstract string Kind { get; }

    /// <summary>Numeric value of choice <paramref name="index"/>.</summary>
    public abstract double Value(int index);

    /// <summary>How choice <paramref name="index"/> is written in CLI arguments, CSV and JSON.</summary>
    public abstract string Format(int index);

    /// <summary>One-line description of the allowed choices, for help text and error messages.</summary>
    public abstract string DescribeChoices();

    /// <summary>Index of the choice spelled <paramref name="token"/>; a <see cref="UsageException"/> otherwise.</summary>
    public abstract int Parse(string token);

    /// <summary>
    /// The value spelled <paramref name="token"/>, not bound to the choices: cost models evaluate any sensible value
    /// (a 12 × 14 array, say), while searches stay within the choices (<see cref="Parse"/>).
    /// </summary>
    public abstract double ParseValue(string token);

    /// <summary>Index of the choice with value <paramref name="value"/>, or -1 when it is not a choice.</summary>
    public abstract int IndexOfValue(double value);

    /// <summary>The error for a token that is not one of the choices, listing them.</summary>
    protected UsageException NotAChoice(string token) =>
        new($"'{token}' is not a choice of {Name}; allowed: {DescribeChoices()}");
}
