namespace Gandse.Workloads;

/// <summary>
/// One layer of a network as the array runs it: a GEMM, run <see cref="Repeats"/> times in a row (a depthwise
/// convolution is one small GEMM per channel: M = output pixels, K = R·S, N = 1, repeated C times).
/// </summary>
public sealed record NetworkLayer(string Name, Gemm Gemm, long Repeats = 1)
{
    /// <summary>The layer as network specs spell it: MxNxK, with *R for R repeats.</summary>
    public string Spec => Repeats == 1 ? $"{Gemm.M}x{Gemm.N}x{Gemm.K}" : $"{Gemm.M}x{Gemm.N}x{Gemm.K}*{Repeats}";
}
