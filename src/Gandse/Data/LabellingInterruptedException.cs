namespace Gandse.Data;

/// <summary>Labelling stopped on request; <see cref="Labelled"/> of <see cref="Total"/> conditions are kept in <see cref="PartialPath"/> for the next build.</summary>
public sealed class LabellingInterruptedException : OperationCanceledException
{
    /// <summary>Labelling stopped after <paramref name="labelled"/> of <paramref name="total"/> conditions, kept in <paramref name="partialPath"/>.</summary>
    public LabellingInterruptedException(int labelled, int total, string partialPath)
        : base($"labelling interrupted: {labelled} of {total} conditions labelled and kept in {partialPath}; the next run continues from there")
    {
        Labelled = labelled;
        Total = total;
        PartialPath = partialPath;
    }

    /// <summary>Conditions labelled before the stop.</summary>
    public int Labelled { get; }

    /// <summary>Conditions to label in all.</summary>
    public int Total { get; }

    /// <summary>The file holding what was labelled; the next build continues from it.</summary>
    public string PartialPath { get; }
}
