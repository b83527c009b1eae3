namespace Gandse.CostModels.Systolic.Memory;

/// <summary>
/// What one dataflow asks of the three SRAMs, line (cycle) by line, as SCALE-Sim v2's compute modules
/// (<c>scalesim/compute/systolic_compute_*.py</c>) lay out their demand matrices: column folds outer, row folds
/// inner, the same number of lines in every fold.
/// </summary>
internal interface IFoldDemand
{
    long RowFolds { get; }

    long ColFolds { get; }

    long LinesPerFold { get; }

    IFetchOrder IfmapOrder { get; }

    IFetchOrder FilterOrder { get; }

    /// <summary>The first and last IFMAP fetch positions read in line <paramref name="line"/> of fold (colFold, rowFold), if any.</summary>
    bool Ifmap(long colFold, long rowFold, long line, out long first, out long last);

    /// <summary>The first and last FILTER fetch positions read in the line, if any.</summary>
    bool Filter(long colFold, long rowFold, long line, out long first, out long last);

    /// <summary>OFMAP words written in the line.</summary>
    long OfmapWords(long colFold, long rowFold, long line);
}
