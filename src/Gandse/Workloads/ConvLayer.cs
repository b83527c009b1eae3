namespace Gandse.Workloads;

/// <summary>
/// A 2-D convolution on an H × W × C input with <see cref="Filters"/> filters of R × S × C. It lowers to a GEMM
/// the way SCALE-Sim maps it: M = output pixels, K = R·S·C (one window), N = filters. SCALE-Sim takes its
/// input already padded; here padding is explicit and the output is ((H + 2·padding − R) / stride + 1) ×
/// ((W + 2·padding − S) / stride + 1), rounded down.
/// </summary>
public sealed record ConvLayer : Workload
{
    /// <summary>A conv layer on an H x W x C input with <paramref name="filters"/> R x S filters.</summary>
    public ConvLayer(long h, long w, long c, long r, long s, long filters, long stride = 1, long padding = 0)
    {
        if (h <= 0 || w <= 0 || c <= 0 || r <= 0 || s <= 0 || filters <= 0 || stride <= 0 || padding < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(h), "Conv dimensions, filters and stride must be positive; padding non-negative.");
        }

        if (h + (2 * padding) < r || w + (2 * padding) < s)
        {
            throw new ArgumentOutOfRangeException(nameof(r), $"Filter {r}x{s} is larger than the padded input {h + (2 * padding)}x{w + (2 * padding)}.");
        }

        (H, W, C, R, S, Filters, Stride, Padding) = (h, w, c, r, s, filters, stride, padding);
    }

    /// <summary>Input height.</summary>
    public long H { get; }

    /// <summary>Input width.</summary>
    public long W { get; }

    /// <summary>Input channels.</summary>
    public long C { get; }

    /// <summary>Filter height.</summary>
    public long R { get; }

    /// <summary>Filter width.</summary>
    public long S { get; }

    /// <summary>Number of filters (output channels).</summary>
    public long Filters { get; }

    /// <summary>Stride, both directions.</summary>
    public long Stride { get; }

    /// <summary>Zero padding on each side.</summary>
    public long Padding { get; }

    /// <summary>Output height.</summary>
    public long OutputHeight => ((H + (2 * Padding) - R) / Stride) + 1;

    /// <summary>Output width.</summary>
    public long OutputWidth => ((W + (2 * Padding) - S) / Stride) + 1;

    /// <summary>The layer as SCALE-Sim lowers it: M = output pixels, N = filters, K = R x S x C.</summary>
    public Gemm ToGemm() => new(OutputHeight * OutputWidth, Filters, R * S * C);

    /// <inheritdoc/>
    public override IReadOnlyList<Gemm> Gemms => new[] { ToGemm() };

    /// <inheritdoc/>
    public override ConvShape Conv => new(Filters, C, H + (2 * Padding), W + (2 * Padding), R, S, Stride);

    /// <inheritdoc/>
    public override string Spec => $"conv:H={H},W={W},C={C},R={R},S={S},filters={Filters},stride={Stride},padding={Padding}";
}
