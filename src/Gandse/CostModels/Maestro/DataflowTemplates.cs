namespace Gandse.CostModels.Maestro;

/// <summary>
/// The dataflow templates ConfuciuX and AIrchitect v2 use with MAESTRO (maestro-project/confuciux, MIT), as data:
/// dla (NVDLA-like: output channels across PEs, clusters over input channels), eye (Eyeriss-like row
/// stationary: output rows across clusters), shi (ShiDianNao-like: output columns across PEs) and dpt (depthwise).
/// Their free constants are KTileSz, CTileSz and ClusterSz.
/// </summary>
public static class DataflowTemplates
{
    private static readonly Dictionary<string, DataflowTemplate> BuiltIn = new(StringComparer.Ordinal)
    {
        ["dla"] = DataflowTemplate.Parse("dla", """
            SpatialMap(KTileSz,KTileSz) K;
            TemporalMap(ClusterSz,ClusterSz) C;
            TemporalMap(Sz(R),Sz(R)) R;
            TemporalMap(Sz(S),Sz(S)) S;
            TemporalMap(Sz(R),1) Y;
            TemporalMap(Sz(S),1) X;
            Cluster(ClusterSz, P);
            SpatialMap(1,1) C;
            TemporalMap(Sz(R),1) Y;
            TemporalMap(Sz(S),1) X;
            TemporalMap(Sz(R),Sz(R)) R;
            TemporalMap(Sz(S),Sz(S)) S;
            """),
        ["eye"] = DataflowTemplate.Parse("eye", """
            TemporalMap(CTileSz,CTileSz) C;
            TemporalMap(KTileSz,KTileSz) K;
            SpatialMap(ClusterSz,ClusterSz) Y';
            TemporalMap(Sz(S),Sz(S)) X';
            TemporalMap(Sz(R),Sz(R)) R;
            TemporalMap(Sz(S),Sz(S)) S;
            Cluster(ClusterSz, P);
            TemporalMap(1,1) C;
            SpatialMap(1,1) Y';
            SpatialMap(1,1) X';
            TemporalMap(Sz(R),Sz(R)) R;
            TemporalMap(Sz(S),Sz(S)) S;
            """),
        ["shi"] = DataflowTemplate.Parse("shi", """
            TemporalMap(KTileSz,KTileSz) K;
            SpatialMap(Sz(R),Sz(R)) Y';
            TemporalMap(ClusterSz,ClusterSz) X';
            TemporalMap(CTileSz,CTileSz) C;
            TemporalMap(Sz(R),Sz(R)) R;
            TemporalMap(Sz(S),Sz(S)) S;
            Cluster(ClusterSz, P);
            TemporalMap(1,1) C;
            TemporalMap(1,1) Y';
            SpatialMap(1,1) X';
            TemporalMap(Sz(R),Sz(R)) R;
            TemporalMap(Sz(S),Sz(S)) S;
            """),
        ["dpt"] = DataflowTemplate.Parse("dpt", """
            SpatialMap(KTileSz,KTileSz) C;
            TemporalMap(Sz(R),1) Y;
            TemporalMap(Sz(S),1) X;
            TemporalMap(Sz(R),Sz(R)) R;
            TemporalMap(Sz(S),Sz(S)) S;
            """),
    };

    /// <summary>The built-in templates' names: dla, eye, shi, dpt.</summary>
    public static IReadOnlyList<string> Names { get; } = BuiltIn.Keys.ToList();

    /// <summary>The built-in template named <paramref name="name"/>; another name is a <see cref="UsageException"/> listing them.</summary>
    public static DataflowTemplate Get(string name) =>
        BuiltIn.TryGetValue(name.Trim().ToLowerInvariant(), out DataflowTemplate? template)
            ? template
            : throw new UsageException($"unknown dataflow '{name}'; allowed: {string.Join(", ", Names)}");
}
