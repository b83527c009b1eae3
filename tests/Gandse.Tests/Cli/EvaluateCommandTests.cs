using System.Text.Json;

namespace Gandse.Tests.Cli;

public class EvaluateCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gandse-evaluate-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void One_design_as_json_names_parameters_and_metrics_in_snake_case()
    {
        (int exitCode, string output, string error) = CliRunner.Run(
            "evaluate", "--workload", "gemm:M=33,N=20,K=17", "--design", "rows=8,cols=8,dataflow=os", "--json");

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, error);
        using JsonDocument json = JsonDocument.Parse(output);
        Assert.Equal(465, json.RootElement.GetProperty("metrics").GetProperty("compute_cycles").GetInt64());
        Assert.Equal(1700, json.RootElement.GetProperty("metrics").GetProperty("filter_sram_reads").GetInt64());
        Assert.Equal("os", json.RootElement.GetProperty("design").GetProperty("dataflow").GetString());
        Assert.Equal(64, json.RootElement.GetProperty("design").GetProperty("ifmap_sram_kb").GetInt64());
    }

    [Fact]
    public void A_conv_layer_is_evaluated_as_its_lowered_gemm()
    {
        (int exitCode, string output, _) = CliRunner.Run(
            "evaluate", "-w", "conv:H=56,W=56,C=64,R=3,S=3,filters=64,stride=1,padding=1", "-d", "rows=12,cols=14,dataflow=ws", "--json");

        Assert.Equal(0, exitCode);
        using JsonDocument json = JsonDocument.Parse(output);
        Assert.Equal(3136, json.RootElement.GetProperty("workload").GetProperty("M").GetInt64());
        Assert.Equal(((2 * 12) + 14 + 3136 - 2) * 48L * 5, json.RootElement.GetProperty("metrics").GetProperty("compute_cycles").GetInt64());
    }

    [Fact]
    public void The_table_shows_every_metric()
    {
        (int exitCode, string output, _) = CliRunner.Run("evaluate", "-w", "gemm:M=33,N=20,K=17", "-d", "rows=8,cols=8,dataflow=is");

        Assert.Equal(0, exitCode);
        Assert.Contains("compute_cycles", output);
        Assert.Contains("630", output);
        Assert.Contains("area", output);
    }

    [Fact]
    public void A_csv_is_evaluated_row_by_row_and_repeats_its_columns()
    {
        string input = Path.Combine(_directory, "designs.csv");
        string output = Path.Combine(_directory, "results.csv");
        File.WriteAllText(input, "M,N,K,rows,cols,dataflow\n33,20,17,8,8,os\n33,20,17,8,8,ws\n33,20,17,8,8,is\n1,1,1,1,1,os\n");

        (int exitCode, _, string error) = CliRunner.Run("evaluate", "--input", input, "--output", output);

        Assert.Equal(0, exitCode);
        Assert.Contains("evaluated 4 rows", error);
        string[] lines = File.ReadAllLines(output);
        Assert.Equal("M,N,K,rows,cols,dataflow,compute_cycles,stall_cycles,total_cycles,utilization,ifmap_sram_reads,filter_sram_reads,ofmap_sram_writes,dram_ifmap_reads,dram_filter_reads,dram_ofmap_writes,dram_reads,dram_writes,energy,area", lines[0]);
        Assert.Equal(new[] { "465", "495", "630", "1" }, lines.Skip(1).Select(l => l.Split(',')[6]));
        Assert.StartsWith("33,20,17,8,8,ws,", lines[2]);
        Assert.Empty(Directory.GetFiles(_directory, "*.tmp"));
    }

    [Fact]
    public void Csv_output_goes_to_standard_output_without_output_file_and_takes_dram_bw_and_conv_columns()
    {
        string input = Path.Combine(_directory, "conv.csv");
        File.WriteAllText(input, "H,W,C,R,S,filters,padding,rows,cols,dataflow,dram_bw\n56,56,64,3,3,64,1,12,14,ws,16\n");

        (int exitCode, string output, _) = CliRunner.Run("evaluate", "--input", input);

        Assert.Equal(0, exitCode);
        string[] cells = output.Split('\n')[1].Split(',');
        Assert.Equal((((2 * 12) + 14 + 3136 - 2) * 48L * 5).ToString(System.Globalization.CultureInfo.InvariantCulture), cells[11]);
    }

    [Fact]
    public void A_dash_reads_the_csv_from_standard_input_and_writes_to_standard_output()
    {
        TextReader original = Console.In;
        Console.SetIn(new StringReader("M,N,K,rows,cols\n64,64,64,32,32\n"));
        try
        {
            (int exitCode, string output, string error) = CliRunner.Run("evaluate", "--input", "-", "--output", "-");

            Assert.True(exitCode == 0, error);
            string[] lines = output.TrimEnd().Split('\n');
            Assert.Equal(2, lines.Length);
            Assert.StartsWith("M,N,K,rows,cols,compute_cycles", lines[0]);
            Assert.StartsWith("64,64,64,32,32,504,", lines[1]);
        }
        finally
        {
            Console.SetIn(original);
        }
    }

    [Theory]
    [InlineData("M,N,K,rows,cols,dataflow\n33,20,17,8,8,rs\n", "line 2", "'rs'")]
    [InlineData("M,N,K,rows,cols,dataflow\n33,20,17,8,8,os\n33,20,0,8,8,os\n", "line 3", "K='0'")]
    [InlineData("M,N,K,rows,cols\n33,20,17,8\n", "line 2", "4 cells for 5 columns")]
    [InlineData("M,N,K,rows,colz\n33,20,17,8,8\n", "line 1", "unknown column 'colz'")]
    [InlineData("rows,cols\n8,8\n", "line 1", "found none")]
    [InlineData("", "is empty", "header")]
    public void A_malformed_csv_names_its_line_and_the_bad_token(string content, string where, string what)
    {
        string input = Path.Combine(_directory, "bad.csv");
        string output = Path.Combine(_directory, "out.csv");
        File.WriteAllText(input, content);

        (int exitCode, _, string error) = CliRunner.Run("evaluate", "--input", input, "--output", output);

        Assert.Equal(2, exitCode);
        Assert.Contains(where, error);
        Assert.Contains(what, error);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.False(File.Exists(output));
    }

    [Theory]
    [InlineData(new[] { "evaluate", "-w", "gemm:M=8,N=8,K=8", "-d", "rows=8,dataflow=rs" }, "'rs'")]
    [InlineData(new[] { "evaluate", "-w", "gemm:M=8,N=8,K=8", "-d", "rows=0" }, "rows='0'")]
    [InlineData(new[] { "evaluate", "-w", "gemm:M=8,N=8,K=8", "-d", "rows" }, "malformed 'rows'")]
    [InlineData(new[] { "evaluate", "-w", "gemm:M=8,N=8,K=8", "-d", "banks=4" }, "unknown parameter 'banks'")]
    [InlineData(new[] { "evaluate", "-w", "gemm:M=8,N=8,K=8", "--space", "eyeriss" }, "unknown space 'eyeriss'")]
    [InlineData(new[] { "evaluate", "-w", "gemm:M=8,N=8,K=8", "--dram-bw", "-1" }, "--dram-bw '-1'")]
    [InlineData(new[] { "evaluate", "-w", "gemm:M=8,N=8,K=8", "--memory", "v3" }, "--memory 'v3'")]
    [InlineData(new[] { "evaluate", "-w", "gemm:M=8,N=8,K=8", "--dram-bw", "2.5" }, "--dram-bw '2.5'")]
    [InlineData(new[] { "evaluate", "--input", "/nonexistent/designs.csv" }, "'/nonexistent/designs.csv' not found")]
    [InlineData(new[] { "evaluate" }, "give --workload")]
    [InlineData(new[] { "evaluate", "--input", "/nonexistent/designs.csv", "--output", "/tmp" }, "--output '/tmp' is a folder; give a file name")]
    [InlineData(new[] { "evaluate", "--input", "/nonexistent/designs.csv", "--output", "/nonexistent/out.csv" }, "--output '/nonexistent/out.csv': folder '/nonexistent' does not exist")]
    [InlineData(new[] { "evaluate", "--input", "/nonexistent/designs.csv", "--output", "/proc/out.csv" }, "--output '/proc/out.csv': cannot write in '/proc' (not writable)")]
    [InlineData(new[] { "evaluate", "-w", "gemm:M=8,N=8,K=8", "--output", "out.csv" }, "--output writes the results CSV of --input")]
    [InlineData(new[] { "evaluate", "-w", "gemm:M=8,N=8,K=8", "--mac-budget", "64" }, "--mac-budget")]
    [InlineData(new[] { "evaluate", "--frobnicate" }, "--frobnicate")]
    [InlineData(new[] { "evaluate", "--space", "maestro", "-w", "conv:K=8,C=8,Y=8,X=8,R=3,S=3", "--simulator", "scalesim" }, "--simulator scalesim does not evaluate the maestro space; its simulator is maestro")]
    [InlineData(new[] { "evaluate", "-w", "conv:K=8,C=8,Y=8,X=8,R=3,S=3", "--simulator", "maestro" }, "--simulator maestro does not evaluate the systolic space")]
    [InlineData(new[] { "evaluate", "--space", "maestro", "-w", "conv:K=8,C=8,Y=8,X=8,R=3,S=3", "-d", "dataflow=nvdla" }, "nvdla")]
    [InlineData(new[] { "evaluate", "-w", "conv:K=8,C=8,Y=2,X=8,R=3,S=3" }, "has no form the systolic space reads")]
    [InlineData(new[] { "evaluate", "--space", "maestro", "-w", "network:resnet18" }, "the maestro space evaluates one layer at a time")]
    [InlineData(new[] { "evaluate", "--space", "maestro", "-w", "conv:K=8,C=8,Y=8,X=8,R=3,S=3", "--noc-bw", "0" }, "--noc-bw '0' is not allowed; expected a whole number from 1 to 2147483647")]
    public void Bad_input_prints_one_line_and_exits_with_2(string[] args, string expected)
    {
        (int exitCode, string output, string error) = CliRunner.Run(args);

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, error);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.DoesNotContain("   at ", error);
        Assert.Equal(string.Empty, output);
    }

    [Fact]
    public void A_maestro_design_has_maestros_figures_and_names()
    {
        (int exitCode, string output, string error) = CliRunner.Run(
            "evaluate", "--space", "maestro", "-w", "conv:K=64,C=32,Y=16,X=16,R=3,S=3", "-d", "dataflow=dla,num_pe=8,KTileSz=4", "--json");

        Assert.True(exitCode == 0, error);
        using JsonDocument json = JsonDocument.Parse(output);
        JsonElement metrics = json.RootElement.GetProperty("metrics");
        Assert.Equal(464_129, metrics.GetProperty("runtime_cycles").GetInt64());
        Assert.Equal(728, metrics.GetProperty("l2_size_req").GetInt64());
        Assert.Equal(1, metrics.GetProperty("valid").GetInt64());
        Assert.Equal(64, json.RootElement.GetProperty("workload").GetProperty("K").GetInt64());
        Assert.Equal(0, json.RootElement.GetProperty("design").GetProperty("ClusterSz").GetInt64());
        Assert.Equal(81_920_000, json.RootElement.GetProperty("noc_bw").GetInt64());
    }

    [Theory]
    [InlineData("dataflow=dla,num_pe=8,KTileSz=4,ClusterSz=16", "", "MAESTRO refuses it: the clusters need 16 PEs, more than the 8 there are")]
    [InlineData("dataflow=dla,num_pe=8,KTileSz=4", "10", "needs 162 bytes of L1 per PE, more than the 10 allowed")]
    public void An_invalid_maestro_design_says_why(string design, string l1Limit, string reason)
    {
        var args = new List<string> { "evaluate", "--space", "maestro", "-w", "conv:K=64,C=32,Y=16,X=16,R=3,S=3", "-d", design };
        if (l1Limit.Length > 0)
        {
            args.AddRange(new[] { "--l1-size-cstr", l1Limit });
        }

        (int exitCode, string output, string error) = CliRunner.Run(args.ToArray());
        Assert.True(exitCode == 0, error);
        Assert.Contains("invalid          " + reason, output);
        (_, string json, _) = CliRunner.Run(args.Append("--json").ToArray());
        using JsonDocument parsed = JsonDocument.Parse(json);
        Assert.Equal(reason, parsed.RootElement.GetProperty("invalid_reason").GetString());
        Assert.Equal(0, parsed.RootElement.GetProperty("metrics").GetProperty("valid").GetInt64());
    }

    [Fact]
    public void A_csv_in_maestros_column_names_takes_the_confuciux_defaults_and_gets_the_metrics_and_valid()
    {
        string input = Path.Combine(_directory, "layers.csv");
        // The AIrchitect-v2 dataset's first row (its X, Y go into MAESTRO's Y, X), then one over a tight L1 limit.
        File.WriteAllText(input, "K,C,Y,X,R,S,dataflow,num_pe,KTileSz,l1_size_cstr\n210,212,256,48,5,5,eye,64,10,\n64,32,16,16,3,3,dla,8,4,100\n");

        (int exitCode, string output, string error) = CliRunner.Run("evaluate", "--space", "maestro", "--input", input);

        Assert.True(exitCode == 0, error);
        string[] lines = output.TrimEnd().Split('\n');
        Assert.Equal("K,C,Y,X,R,S,dataflow,num_pe,KTileSz,l1_size_cstr,runtime_cycles,energy,area,power,l1_size_req,l2_size_req,num_macs,throughput,valid", lines[0]);
        Assert.StartsWith("210,212,256,48,5,5,eye,64,10,,40228273,", lines[1]);
        Assert.EndsWith(",1", lines[1]);
        Assert.StartsWith("64,32,16,16,3,3,dla,8,4,100,464129,", lines[2]);
        Assert.EndsWith(",0", lines[2]);
    }

    [Simulators.MaestroFact]
    public void The_real_maestro_gives_the_models_figures_for_a_csv()
    {
        string input = Path.Combine(_directory, "layers.csv");
        File.WriteAllText(input, "K,C,Y,X,R,S,stride,dataflow,num_pe,KTileSz,CTileSz,ClusterSz,noc_bw\n64,32,16,16,3,3,1,dla,8,4,1,0,81920000\n17,5,31,9,3,3,2,shi,12,3,2,4,16\n");

        (int modelCode, string model, _) = CliRunner.Run("evaluate", "--space", "maestro", "--input", input);
        (int simulatorCode, string simulated, string error) = CliRunner.Run(
            "evaluate", "--space", "maestro", "--input", input, "--simulator", "maestro", "--simulator-cache", Path.Combine(_directory, "cache"));

        Assert.Equal(0, modelCode);
        Assert.True(simulatorCode == 0, error);
        Assert.Contains("simulated 2 rows with MAESTRO", error);
        string Integers(string csv, int row) => string.Join(',', csv.Split('\n')[row].Split(',').Where((_, i) => i is 13 or 17 or 18 or 19 or 21));
        Assert.Equal(Integers(model, 1), Integers(simulated, 1));
        Assert.Equal(Integers(model, 2), Integers(simulated, 2));
    }
}
