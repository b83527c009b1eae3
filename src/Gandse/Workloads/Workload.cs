namespace Gandse.Workloads;

/// <summary>Something an accelerator runs: one GEMM, a conv layer lowered to a GEMM, or a network of layers.</summary>
public abstract record Workload
{
    /// <summary>The GEMMs the workload runs, in order.</summary>
    public abstract IReadOnlyList<Gemm> Gemms { get; }

    /// <summary>
    /// The layer as MAESTRO reads it, or null for a workload of several layers: a convolution gives its own
    /// (padding added to the input), a GEMM MAESTRO's lowering (K = N, C = 1, R = 1, S = K, Y = M, X = K).
    /// </summary>
    public virtual ConvShape? Conv => null;

    /// <summary>Spelled as the CLI reads it, for example <c>gemm:M=33,N=20,K=17</c>.</summary>
    public abstract string Spec { get; }

    /// <inheritdoc/>
    public override string ToString() => Spec;
}
