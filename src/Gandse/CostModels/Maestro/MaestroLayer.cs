namespace Gandse.CostModels.Maestro;

/// <summary>
/// A layer as MAESTRO reads it: output channels K, input channels C, input height Y and width X, filter height R and
/// width S, and one stride for both spatial axes. MAESTRO derives the output size Y' = Y − R + 1 and X' = X − S + 1
/// (no padding: give the padded input, as SCALE-Sim does).
/// </summary>
public sealed record MaestroLayer(MaestroLayerType Type, int K, int C, int Y, int X, int R, int S, int Stride = 1)
{
    /// <summary>
    /// A GEMM (M × K) · (K × N) as MAESTRO's own GEMM example lowers it to a convolution: K = N, C = 1, R = 1, S = K,
    /// Y = M, X = K, so the output is M × N and each output takes K MACs.
    /// </summary>
    public static MaestroLayer Gemm(int m, int n, int k) => new(MaestroLayerType.Conv, K: n, C: 1, Y: m, X: k, R: 1, S: k);

    /// <summary>The layer's dimensions by MAESTRO's names, in the order its mapping files give them.</summary>
    public IReadOnlyList<(string Name, int Size)> Dimensions => new[] { ("K", K), ("C", C), ("Y", Y), ("X", X), ("R", R), ("S", S) };

    /// <summary>
    /// Why MAESTRO would refuse the layer, or null: sizes must be positive. A filter larger than the input is not
    /// refused: MAESTRO analyses it (the AIrchitect-v2 dataset holds such layers, labelled), so it is not here either.
    /// </summary>
    public string? Problem()
    {
        // Checked without building Dimensions: the batched model asks this of every row it analyses.
        static string Bad(string name, int size) => $"{name} = {size}: every dimension must be at least 1";
        return K < 1 ? Bad("K", K) : C < 1 ? Bad("C", C) : Y < 1 ? Bad("Y", Y) : X < 1 ? Bad("X", X) : R < 1 ? Bad("R", R) : S < 1 ? Bad("S", S)
            : Stride < 1 ? $"stride {Stride}: must be at least 1" : null;
    }

    /// <summary>The layer in MAESTRO's mapping syntax (the Stride and Dimensions lines).</summary>
    public string ToMapping() =>
        (Stride != 1 ? $"Stride {{ X: {Stride}, Y: {Stride} }}\n" : string.Empty)
        + $"Dimensions {{ K: {K}, C: {C}, Y: {Y}, X: {X}, R: {R}, S: {S} }}";
}
