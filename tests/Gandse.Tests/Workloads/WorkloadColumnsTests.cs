using Gandse.Io;
using Gandse.Workloads;

namespace Gandse.Tests.Workloads;

/// <summary>Workloads read from CSV columns: parsed as their spec would be, once per distinct layer.</summary>
public sealed class WorkloadColumnsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gandse-columns-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Rows_naming_the_same_layer_share_one_workload_equal_to_its_spec()
    {
        CsvTable table = Table("K,C,Y,X,R,S,num_pe", "64,32,16,16,3,3,8", "64,32,16,16,3,3,16", "64,32,16,17,3,3,8");
        var columns = new WorkloadColumns(table);

        Workload[] workloads = table.Parse(columns.Parse).ToArray();

        Assert.True(columns.SharesWorkloads);
        Assert.Same(workloads[0], workloads[1]);
        Assert.NotSame(workloads[0], workloads[2]);
        Assert.Equal(WorkloadParser.Parse("conv:K=64,C=32,Y=16,X=16,R=3,S=3").Conv, workloads[0].Conv);
        Assert.Equal(WorkloadParser.Parse("conv:K=64,C=32,Y=16,X=17,R=3,S=3").Conv, workloads[2].Conv);
    }

    [Fact]
    public void A_bad_row_is_refused_with_its_line_after_good_ones()
    {
        CsvTable table = Table("H,W,C,R,S,filters", "16,16,8,3,3,4", "16,16,8,3,3,4", "16,16,8,3,0,4");
        var columns = new WorkloadColumns(table);

        var error = Assert.Throws<UsageException>(() => table.Parse(columns.Parse));

        Assert.Contains("line 4", error.Message);
        Assert.Contains("S='0'", error.Message);
    }

    [Fact]
    public void Gemm_rows_are_parsed_each_time()
    {
        CsvTable table = Table("M,N,K", "8,8,8", "8,8,8");
        var columns = new WorkloadColumns(table);

        Workload[] workloads = table.Parse(columns.Parse).ToArray();

        Assert.False(columns.SharesWorkloads);
        Assert.Equal(workloads[0].Gemms, workloads[1].Gemms);
    }

    private CsvTable Table(params string[] lines)
    {
        string path = Path.Combine(_folder, "rows.csv");
        File.WriteAllLines(path, lines);
        return CsvTable.Read(path, WorkloadColumns.All.Append("num_pe").ToList(), "K,C,Y,X,R,S");
    }
}
