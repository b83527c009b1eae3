namespace Gandse.Spaces;

/// <summary>One choice index per parameter of a <see cref="DesignSpace"/>, in the space's parameter order.</summary>
public sealed class Design : IEquatable<Design>
{
    private readonly int[] _indices;

    public Design(IEnumerable<int> indices)
    {
        _indices = indices.ToArray();
    }

    public IReadOnlyList<int> Indices => _indices;

    public int this[int parameter] => _indices[parameter];

    public bool Equals(Design? other) => other is not null && _indices.AsSpan().SequenceEqual(other._indices);

    public override bool Equals(object? obj) => Equals(obj as Design);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (int index in _indices)
        {
            hash.Add(index);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => "[" + string.Join(",", _indices) + "]";
}
