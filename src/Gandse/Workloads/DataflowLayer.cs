namespace Gandse.Workloads;

/// <summary>
/// A layer given in MAESTRO's names: <c>conv:K=…,C=…,Y=…,X=…,R=…,S=…[,stride=…]</c>, or a depthwise one,
/// <c>dwconv:C=…,Y=…,X=…,R=…,S=…[,stride=…]</c>. Y and X are the input as MAESTRO reads it (padding included), and
/// a filter larger than the input is allowed, as MAESTRO allows it. Its GEMM form (for the systolic space) is
/// SCALE-Sim's lowering when it has one: a standard convolution whose filter fits the input.
/// </summary>
public sealed record DataflowLayer(ConvShape Shape) : Workload
{
    /// <inheritdoc/>
    public override IReadOnlyList<Gemm> Gemms =>
        Shape.Depthwise || Shape.R > Shape.Y || Shape.S > Shape.X
            ? Array.Empty<Gemm>()
            : new[] { new Gemm((((Shape.Y - Shape.R) / Shape.Stride) + 1) * (((Shape.X - Shape.S) / Shape.Stride) + 1), Shape.K, Shape.R * Shape.S * Shape.C) };

    /// <inheritdoc/>
    public override ConvShape? Conv => Shape;

    /// <inheritdoc/>
    public override string Spec => Shape.Depthwise
        ? $"dwconv:C={Shape.C},Y={Shape.Y},X={Shape.X},R={Shape.R},S={Shape.S}{(Shape.Stride != 1 ? $",stride={Shape.Stride}" : string.Empty)}"
        : $"conv:K={Shape.K},C={Shape.C},Y={Shape.Y},X={Shape.X},R={Shape.R},S={Shape.S}{(Shape.Stride != 1 ? $",stride={Shape.Stride}" : string.Empty)}";
}
