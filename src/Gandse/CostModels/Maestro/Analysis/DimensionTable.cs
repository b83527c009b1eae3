namespace Gandse.CostModels.Maestro.Analysis;

/// <summary>
/// The dimensions one cluster level works on (size and outer stride by name), and which dimensions overlap: a
/// reference dimension (X, Y) over which a sliding one (S, R) moves. Looking up a dimension the table lacks is an
/// error, as in MAESTRO.
/// </summary>
internal sealed class DimensionTable
{
    private readonly Dictionary<string, (int Size, int Stride)> _dimensions = new(StringComparer.Ordinal);
    private readonly List<(string Reference, string Sliding)> _overlaps = new();

    public IEnumerable<string> Names => _dimensions.Keys;

    public void Add(string name, int size, int stride = 1)
    {
        // std::map::insert keeps the first entry of a name.
        _dimensions.TryAdd(name, (size, stride));
    }

    public void AddOverlap(string reference, string sliding) => _overlaps.Add((reference, sliding));

    public void CopyOverlaps(DimensionTable other) => _overlaps.AddRange(other._overlaps);

    public bool Has(string name) => _dimensions.ContainsKey(name);

    public int Size(string name) => _dimensions.TryGetValue(name, out var d) ? d.Size : throw new MaestroAnalysisException($"dimension {name} is missing from a cluster level");

    public int Stride(string name) => _dimensions.TryGetValue(name, out var d) ? d.Stride : throw new MaestroAnalysisException($"dimension {name} is missing from a cluster level");

    public bool IsOverlapped(string name) => _overlaps.Any(o => o.Reference == name || o.Sliding == name);

    public bool IsSliding(string name) => _overlaps.Any(o => o.Sliding == name);

    /// <summary>The other dimension of the pair <paramref name="name"/> belongs to (the last pair naming it wins, as in MAESTRO).</summary>
    public string CounterPart(string name)
    {
        string found = string.Empty;
        foreach ((string reference, string sliding) in _overlaps)
        {
            if (name == sliding)
            {
                found = reference;
            }
            else if (name == reference)
            {
                found = sliding;
            }
        }

        return found;
    }
}
