namespace Gandse.Workloads;

/// <summary>
/// A matrix multiply OFMAP (M × N) = IFMAP (M × K) · FILTER (K × N), in SCALE-Sim's operand naming.
/// </summary>
public sealed record Gemm : Workload
{
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

    public long M { get; }

    public long N { get; }

    public long K { get; }

    public long Macs => M * N * K;

    public override IReadOnlyList<Gemm> Gemms => new[] { this };

    public override string Spec => $"gemm:M={M},N={N},K={K}";
}
