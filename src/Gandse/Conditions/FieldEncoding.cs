namespace Gandse.Conditions;

/// <summary>
/// How a condition field becomes a network input: log2(value) / <see cref="Scale"/>, so values spread over
/// orders of magnitude land near [0, 1]. An unbounded value (+∞) is encoded as <see cref="Unbounded"/>.
/// </summary>
public sealed record FieldEncoding(double Scale, double Unbounded)
{
    /// <summary>The network input for <paramref name="value"/>: log2, scaled; an unbounded value encodes as a large finite one.</summary>
    public float Encode(double value) => (float)(Math.Log2(double.IsFinite(value) ? value : Unbounded) / Scale);
}
