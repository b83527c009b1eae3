namespace Gandse.CostModels.Maestro.Analysis;

/// <summary>Where a map stands in its dimension: its first step, a full step in the middle, or a last, partial step.</summary>
internal enum IterationPosition
{
    Init,
    Steady,
    Edge,
}
