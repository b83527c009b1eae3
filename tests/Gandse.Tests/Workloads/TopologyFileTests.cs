using Gandse.CostModels.Systolic;
using Gandse.Config;
using Gandse.Io;
using Gandse.Tasks;
using Gandse.Workloads;
using Gandse.Tasks.Systolic;

namespace Gandse.Tests.Workloads;

public sealed class TopologyFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gandse-topology-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_conv_topology_lowers_each_layer_as_scale_sim_does_with_depthwise_layers_one_per_channel()
    {
        string path = Write("mini.csv",
            "Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,",
            "Conv1     ,224         ,224        ,11           ,11          ,3       ,96        ,4      ,",
            "DP2       ,114,114,3,3,32,1,1,",
            "");

        Network network = (Network)WorkloadParser.Parse($"network:{path}");

        Assert.Equal("mini", network.Name);
        Assert.Equal(new NetworkLayer("Conv1", new Gemm(55 * 55, 96, 11 * 11 * 3)), network.Layers[0]);
        Assert.Equal(new NetworkLayer("DP2", new Gemm(112 * 112, 1, 9), 32), network.Layers[1]);
        Assert.StartsWith("network:mini:3025x96x363;", network.Spec);
    }

    [Fact]
    public void A_gemm_topology_gives_m_n_k_directly()
    {
        string path = Write("gpt.csv", "Layer,M,N,K,", "QKT,1024,1024,64,", "Linear1,1024,4800,1600,");

        Network network = (Network)WorkloadParser.Parse($"topology:{path}");

        Assert.Equal(new[] { new Gemm(1024, 1024, 64), new Gemm(1024, 4800, 1600) }, network.Layers.Select(l => l.Gemm));
    }

    [Fact]
    public void Rows_of_empty_cells_and_notes_after_an_empty_cell_are_not_layers()
    {
        string path = Write("notes.csv",
            "Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,,,Eh,Ew,e2",
            ",,,,,,,,,,,,",
            "Conv1,224,224,7,7,3,64,2,,,110,110,12100");

        Network network = TopologyFile.Read(path);

        Assert.Equal(new NetworkLayer("Conv1", new Gemm(110 * 110, 64, 7 * 7 * 3)), Assert.Single(network.Layers));
    }

    [Theory]
    [InlineData("conv_nets/alexnet.csv", 5)]
    [InlineData("conv_nets/Resnet18.csv", 21)]
    [InlineData("conv_nets/Resnet50.csv", 54)]
    [InlineData("conv_nets/mobilenet.csv", 27)]
    [InlineData("GEMM_mnk/gpt2.csv", 6)]
    public void The_topologies_shipped_with_scale_sim_read_as_networks(string file, int layers)
    {
        string folder = Path.Combine(Repository.Root, "..", "shared", "third_party", "scale-sim-v2", "topologies");
        Assert.True(Directory.Exists(folder), $"SCALE-Sim's topologies are expected at {folder} (../shared beside the clone)");

        Network network = (Network)WorkloadParser.Parse($"topology:{Path.Combine(folder, file)}");

        Assert.Equal(layers, network.Layers.Count);
    }

    [Fact]
    public void A_topology_spec_without_a_file_is_refused()
    {
        var error = Assert.Throws<UsageException>(() => WorkloadParser.Parse("topology:"));

        Assert.Contains("topology:PATH.csv", error.Message);
    }

    [Theory]
    [InlineData(new[] { "a,b,c", "1,2,3" }, "line 1: not a SCALE-Sim topology")]
    [InlineData(new[] { "Layer,M,N,K,", "L1,64,x,8," }, "line 2: 'x' is not a positive integer (layer 'L1')")]
    [InlineData(new[] { "Layer,M,N,K,", "L1,64,8," }, "line 2: expected a layer name and 3 numbers")]
    [InlineData(new[] { "Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,", "C,4,4,5,5,3,8,1," }, "filter 5x5 is larger than the input 4x4")]
    [InlineData(new[] { "Layer,M,N,K," }, "the topology has no layers")]
    public void A_bad_topology_is_refused_with_the_line_and_the_bad_token(string[] lines, string message)
    {
        string path = Write("bad.csv", lines);

        var error = Assert.Throws<UsageException>(() => TopologyFile.Read(path));

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void A_query_csv_takes_a_workload_column_of_network_specs_and_topology_files()
    {
        string topology = Write("pair.csv", "Layer,M,N,K,", "A,256,64,576,", "B,49,512,4608,");
        string queries = Write("queries.csv", "workload,mac_budget", "network:alexnet,1024", $"topology:{topology},4096");

        QueryCsv csv = QueryCsv.Read(queries, new SystolicNetworkTask(new DataConfig()), SpaceCatalog.AllConditions);

        Assert.Equal("alexnet", ((Network)csv.Conditions[0].Workload).Name);
        Assert.Equal(2, ((Network)csv.Conditions[1].Workload).Layers.Count);
        Assert.Equal(4096, csv.Conditions[1][SystolicConditions.MacBudget]);
    }

    [Fact]
    public void A_csv_with_two_ways_of_giving_the_workload_is_refused()
    {
        string queries = Write("both.csv", "workload,M,N,K", "network:alexnet,1,2,3");

        var error = Assert.Throws<UsageException>(() => QueryCsv.Read(queries, new SystolicNetworkTask(new DataConfig()), SpaceCatalog.AllConditions));

        Assert.Contains("found more than one", error.Message);
    }

    private string Write(string name, params string[] lines)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllLines(path, lines);
        return path;
    }
}
