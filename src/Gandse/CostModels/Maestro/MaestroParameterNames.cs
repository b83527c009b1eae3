namespace Gandse.CostModels.Maestro;

/// <summary>The maestro space's design parameters, in MAESTRO's and ConfuciuX's own names.</summary>
public static class MaestroParameterNames
{
    /// <summary>The dataflow template: dla, eye, shi or dpt.</summary>
    public const string Dataflow = "dataflow";
    /// <summary>PEs.</summary>
    public const string NumPe = "num_pe";
    /// <summary>The template's KTileSz.</summary>
    public const string KTileSz = "KTileSz";
    /// <summary>The template's CTileSz.</summary>
    public const string CTileSz = "CTileSz";
    /// <summary>The template's ClusterSz; 0 means all PEs in one cluster (ClusterSz = num_pe, the ConfuciuX setting).</summary>
    public const string ClusterSz = "ClusterSz";
}
