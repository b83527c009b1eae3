namespace Gandse.Data;

/// <summary>Labelling stopped on request; <see cref="Labelled"/> of <see cref="Total"/> conditions are kept in <see cref="PartialPath"/> for the next build.</summary>
public sealed class LabellingInterruptedException : OperationCanceledException
{
    public LabellingInterruptedException(int labelled, int total, string partialPath)
        : base($"labelling interrupted: {labelled} of {total} conditions labelled and kept in {partialPath}; the next run continues from there")
    {
        Labelled = labelled;
        Total = total;
        PartialPath = partialPath;
    }

    public int Labelled { get; }

    public int Total { get; }

    public string PartialPath { get; }
}
