namespace Gandse.Spaces;

/// <summary>One choice index per parameter of a <see cref="DesignSpace"/>, in the space's parameter order.</summary>
public sealed class Design : IEquatable<Design>
{
    private readonly int[] _indices;

    /// <summary>A design from one choice index per parameter, in the space's parameter order.</summary>
    public Design(IEnumerable<int> indices)
    {
        _indices = indices.ToArray();
    }

    /// <summary>The choice index of each parameter.</summary>
    public IReadOnlyList<int> Indices => _indices;

    /// <summary>The choice index of parameter number <paramref name="parameter"/>.</summary>
    public int this[int parameter] => _indices[parameter];

    /// <inheritdoc/>
    public bool Equals(Design? other) => other is not null && _indices.AsSpan().SequenceEqual(other._indices);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Design);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (int index in _indices)
        {
            hash.Add(index);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc/>
    public override string ToString() => "[" + string.Join(",", _indices) + "]";
}
