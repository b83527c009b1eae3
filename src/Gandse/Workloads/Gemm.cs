namespace Gandse.Workloads;

/// <summary>
/// A matrix multiply OFMAP (M × N) = IFMAP (M × K) · FILTER (K × N), in SCALE-Sim's operand naming.
/// </summary>
public sealed record Gemm : Workload
{
    /// <summary>An M x K by K x N matrix product.</summary>
    public Gemm(long m, long n, long k)
    {
        if (m <= 0 || n <= 0 || k <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(m), $"GEMM dimensions must be positive, got M={m}, N={n}, K={k}.");
        }

        M = m;
        N = n;
        K = k;
    }

    /// <summary>Output rows.</summary>
    public long M { get; }

    /// <summary>Output columns.</summary>
    public long N { get; }

    /// <summary>The reduction dimension.</summary>
    public long K { get; }

    /// <summary>M x N x K.</summary>
    public long Macs => M * N * K;

    /// <inheritdoc/>
    public override IReadOnlyList<Gemm> Gemms => new[] { this };

    /// <inheritdoc/>
    public override ConvShape Conv => new(K: N, C: 1, Y: M, X: K, R: 1, S: K);

    /// <inheritdoc/>
    public override string Spec => $"gemm:M={M},N={N},K={K}";
}
