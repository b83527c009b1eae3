using Gandse.Config;
using Gandse.Spaces;
using Gandse.Tasks;
using Gandse.Tasks.Maestro;
using static TorchSharp.torch;

namespace Gandse.Tests.Tasks;

/// <summary>The AIrchitect-v2 task: its space's ConfigIDs, its dataset reader, and labels checked by enumeration.</summary>
public sealed class AirchitectTaskTests : IDisposable
{
    // The dataset's first five rows (its X, Y go into MAESTRO's Y, X).
    private const string FiveRows = """
        K,C,X,Y,R,S,df,ConfigID,rewards
        210,212,256,48,5,5,eye,765,40228273
        98,450,80,208,1,1,eye,766,20217601
        150,384,24,112,1,1,dla,765,2661121
        370,360,232,248,9,9,shi,765,9668455201
        114,224,224,160,7,7,shi,761,818735233
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("gandse-airchitect-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, string content)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllText(path, content.Replace("\r", string.Empty) + "\n");
        return path;
    }

    [Fact]
    public void A_config_id_is_the_spaces_flat_index()
    {
        DesignSpace space = AirchitectSpace.Create();

        Assert.Equal(768, (int)space.Size);
        foreach (int id in new[] { 0, 11, 12, 765, 767 })
        {
            Assert.Equal(space.FromFlatIndex(id), AirchitectSpace.FromConfigId(id));
            Assert.Equal(id, AirchitectSpace.ConfigId(AirchitectSpace.FromConfigId(id)));
        }

        // 765 is 64 PEs and KTileSz 10.
        Assert.Equal(64, space.Value(AirchitectSpace.FromConfigId(765), "num_pe"));
        Assert.Equal(10, space.Value(AirchitectSpace.FromConfigId(765), "KTileSz"));
    }

    [Fact]
    public void The_dataset_reader_swaps_x_and_y_into_maestros_order_and_names_bad_cells()
    {
        IReadOnlyList<AirchitectRow> rows = AirchitectCsv.Read(Write("five.csv", FiveRows));

        Assert.Equal(5, rows.Count);
        Assert.Equal(new Gandse.Workloads.ConvShape(210, 212, Y: 256, X: 48, R: 5, S: 5), rows[0].Layer);
        Assert.Equal(1, rows[0].Dataflow);
        Assert.Equal(9_668_455_201, rows[3].Reward);
        Assert.Contains("line 3: df 'nvdla' is not a dataflow; allowed: dla, eye, shi",
            Assert.Throws<UsageException>(() => AirchitectCsv.Read(Write("bad.csv", "K,C,X,Y,R,S,df,ConfigID,rewards\n1,1,1,1,1,1,dla,0,5\n1,1,1,1,1,1,nvdla,0,5"))).Message);
        Assert.Contains("ConfigID 900 is beyond the 768 designs",
            Assert.Throws<UsageException>(() => AirchitectCsv.Read(Write("id.csv", "K,C,X,Y,R,S,df,ConfigID,rewards\n1,1,1,1,1,1,dla,900,5"))).Message);
        Assert.Contains("expected the columns K,C,X,Y,R,S,df,ConfigID,rewards",
            Assert.Throws<UsageException>(() => AirchitectCsv.Read(Write("header.csv", "M,N,K\n1,2,3"))).Message);
    }

    [Fact]
    public void Labelling_finds_each_rows_label_optimal_and_keeps_it_as_the_optimum()
    {
        var data = new DataConfig { Source = Write("five.csv", FiveRows), NearOptimal = 8 };
        var task = new AirchitectTask(data);
        IReadOnlyList<AirchitectRow> rows = AirchitectCsv.Read(data.Source);

        using IDisposable scope = NewDisposeScope();
        foreach (AirchitectRow row in rows)
        {
            LabelledCondition labelled = task.Label(task.Draft(row), data);
            Assert.Equal(row.ConfigId, AirchitectSpace.ConfigId(labelled.Optimum));
            Assert.Equal(row.Reward, labelled.OptimumMetrics["runtime_cycles"]);
            Assert.InRange(labelled.NearOptimal.Count, 1, 8);
        }

        Assert.Equal(5, task.LabelCheck.Checked);
        Assert.Equal(0, task.LabelCheck.NotOptimal);
        Assert.Equal(0, task.LabelCheck.RuntimeMismatches);
    }

    [Fact]
    public void A_wrong_label_is_reported_and_the_enumerated_optimum_kept()
    {
        // The first row labelled ConfigID 0 (1 PE, KTileSz 1), which is far from optimal.
        var data = new DataConfig { Source = Write("wrong.csv", "K,C,X,Y,R,S,df,ConfigID,rewards\n210,212,256,48,5,5,eye,0,40228273") };
        var task = new AirchitectTask(data);

        LabelledCondition labelled = task.Label(task.Draft(AirchitectCsv.Read(data.Source)[0]), data);

        Assert.Equal(40_228_273, labelled.OptimumMetrics["runtime_cycles"]);
        Assert.Equal(1, task.LabelCheck.NotOptimal);
        Assert.Equal(1, task.LabelCheck.RuntimeMismatches);
        Assert.Single(task.LabelCheck.Examples);
    }

    [Fact]
    public void A_split_never_shares_a_layer_and_a_query_refuses_what_the_dataset_has_not()
    {
        var data = new DataConfig { Source = Write("five.csv", FiveRows), TrainWorkloads = 3, ValWorkloads = 1, TestWorkloads = 1 };
        var task = new AirchitectTask(data);

        SplitDrafts drafts = task.Sample(data, new Random(1));

        Assert.Equal((3, 1, 1), (drafts.Train.Count, drafts.Val.Count, drafts.Test.Count));
        Assert.Empty(drafts.Train.Select(d => d.Condition.Workload.Spec).Intersect(drafts.Test.Select(d => d.Condition.Workload.Spec)));
        Assert.Contains("stride 1", Assert.Throws<UsageException>(() => task.Query(Gandse.Workloads.WorkloadParser.Parse("conv:K=8,C=8,Y=8,X=8,R=3,S=3,stride=2"), new Dictionary<string, double>())).Message);
        Assert.Equal(2, task.Query(Gandse.Workloads.WorkloadParser.Parse("conv:K=8,C=8,Y=8,X=8,R=3,S=3"), new Dictionary<string, double> { ["dataflow"] = 2 })["dataflow"]);
    }
}
