namespace Gandse.Workloads;

/// <summary>
/// The condition values a layer's MAESTRO form (<see cref="ConvShape"/>) goes by: distinct from the GEMM's M, N, K
/// (a GEMM's K is not a convolution's K), so one condition carries both where both exist.
/// </summary>
public static class ConvFields
{
    /// <summary>Output channels.</summary>
    public const string K = "conv_k";
    /// <summary>Input channels.</summary>
    public const string C = "conv_c";
    /// <summary>Input height (padding included).</summary>
    public const string Y = "conv_y";
    /// <summary>Input width (padding included).</summary>
    public const string X = "conv_x";
    /// <summary>Filter height.</summary>
    public const string R = "conv_r";
    /// <summary>Filter width.</summary>
    public const string S = "conv_s";
    /// <summary>Stride, both axes.</summary>
    public const string Stride = "conv_stride";
    /// <summary>1 for a depthwise layer, else 0.</summary>
    public const string Depthwise = "conv_depthwise";

    /// <summary>Every field, in order.</summary>
    public static IReadOnlyList<string> All { get; } = new[] { K, C, Y, X, R, S, Stride, Depthwise };

    /// <summary>The fields of <paramref name="shape"/> as named values.</summary>
    public static IEnumerable<KeyValuePair<string, double>> Of(ConvShape shape) => new KeyValuePair<string, double>[]
    {
        new(K, shape.K), new(C, shape.C), new(Y, shape.Y), new(X, shape.X), new(R, shape.R), new(S, shape.S),
        new(Stride, shape.Stride), new(Depthwise, shape.Depthwise ? 1 : 0),
    };
}
