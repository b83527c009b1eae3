namespace Gandse.CostModels.Systolic.Memory;

/// <summary>How a dimension of <c>extent</c> folds onto <c>lanes</c> array rows or columns.</summary>
internal readonly record struct FoldGeometry(long Extent, long Lanes)
{
    public long Count => (Extent + Lanes - 1) / Lanes;

    /// <summary>Lanes in use in fold <paramref name="fold"/>: all but in a partly filled last fold.</summary>
    public long Used(long fold) => Math.Min(Lanes, Extent - (fold * Lanes));

    public long LastUsed => Used(Count - 1);
}
