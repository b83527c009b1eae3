namespace Gandse.CostModels.Maestro.Analysis;

/// <summary>One cluster level's analysis (MAESTRO's CostAnalyisResults): runtime, MACs, buffer needs and access counts per tensor class.</summary>
internal sealed class LevelResult
{
    private readonly long[] _upstreamSize = new long[3], _downstreamSize = new long[3];
    private readonly long[] _upstreamRead = new long[3], _upstreamWrite = new long[3], _downstreamRead = new long[3], _downstreamWrite = new long[3];

    public long Runtime { get; set; }

    public long Computations { get; set; }

    public long UpstreamSize(DataClass c) => _upstreamSize[(int)c];

    public long DownstreamSize(DataClass c) => _downstreamSize[(int)c];

    public void SetUpstreamSize(DataClass c, long value) => _upstreamSize[(int)c] = value;

    public void SetDownstreamSize(DataClass c, long value) => _downstreamSize[(int)c] = value;

    public long UpstreamRead(DataClass c) => _upstreamRead[(int)c];

    public long UpstreamWrite(DataClass c) => _upstreamWrite[(int)c];

    public long DownstreamRead(DataClass c) => _downstreamRead[(int)c];

    public long DownstreamWrite(DataClass c) => _downstreamWrite[(int)c];

    public void SetUpstreamRead(DataClass c, long value) => _upstreamRead[(int)c] = value;

    public void SetUpstreamWrite(DataClass c, long value) => _upstreamWrite[(int)c] = value;

    public void SetDownstreamRead(DataClass c, long value) => _downstreamRead[(int)c] = value;

    public void SetDownstreamWrite(DataClass c, long value) => _downstreamWrite[(int)c] = value;

    public long TotalUpstreamSize => _upstreamSize.Sum();

    public long TotalDownstreamSize => _downstreamSize.Sum();
}
