namespace Gandse.Workloads;

/// <summary>The names a GEMM's dims go by in condition values and CSV columns.</summary>
public static class GemmFields
{
    /// <summary>The condition field of a GEMM's M.</summary>
    public const string M = "M";
    /// <summary>The condition field of a GEMM's N.</summary>
    public const string N = "N";
    /// <summary>The condition field of a GEMM's K.</summary>
    public const string K = "K";
}
