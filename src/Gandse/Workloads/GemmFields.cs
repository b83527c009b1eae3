namespace Gandse.Workloads;

/// <summary>The names a GEMM's dims go by in condition values and CSV columns.</summary>
public static class GemmFields
{
    public const string M = "M";
    public const string N = "N";
    public const string K = "K";
}
