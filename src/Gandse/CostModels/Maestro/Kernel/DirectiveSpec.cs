namespace Gandse.CostModels.Maestro.Kernel;

/// <summary>A resolved directive as the kernel reads it: kind, size, offset and dimension index (-1 for a cluster).</summary>
internal readonly record struct DirectiveSpec(DirectiveKind Kind, int Size, int Offset, int Var);
