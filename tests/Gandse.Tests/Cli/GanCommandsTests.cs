using System.Text.Json;
using Gandse.Tests.Methods.Gan;

namespace Gandse.Tests.Cli;

/// <summary>train → generate → eval through the CLI, on a tiny experiment.</summary>
public sealed class GanCommandsTests : IClassFixture<GanCommandsTests.TrainedWithCli>
{
    private readonly TrainedWithCli _trained;

    public GanCommandsTests(TrainedWithCli trained)
    {
        _trained = trained;
    }

    [Fact]
    public void Train_reports_where_it_wrote()
    {
        Assert.Equal(0, _trained.ExitCode);
        Assert.Contains("trained 30 steps", _trained.Output);
        Assert.Contains(_trained.Experiment.Path("run"), _trained.Output);
        Assert.True(File.Exists(_trained.Experiment.Path("ckpt/best.ckpt")));
    }

    [Fact]
    public void Generate_as_json_names_design_parameters_and_metrics_like_evaluate()
    {
        (int exitCode, string output, _) = CliRunner.Run(
            "generate", "--checkpoint", _trained.Experiment.Path("ckpt"), "--workload", "gemm:M=300,N=200,K=100",
            "--mac-budget", "1024", "--sram-budget-kb", "384", "--count", "3", "--json");

        Assert.Equal(0, exitCode);
        using JsonDocument json = JsonDocument.Parse(output);
        JsonElement designs = json.RootElement.GetProperty("designs");
        Assert.InRange(designs.GetArrayLength(), 1, 3);
        JsonElement first = designs[0];
        Assert.True(first.GetProperty("design").TryGetProperty("dataflow", out _));
        Assert.True(first.GetProperty("metrics").GetProperty("total_cycles").GetInt64() > 0);
        Assert.True(first.GetProperty("feasible").ValueKind is JsonValueKind.True or JsonValueKind.False);
        if (first.GetProperty("feasible").GetBoolean())
        {
            Assert.True(first.GetProperty("design").GetProperty("rows").GetInt64() * first.GetProperty("design").GetProperty("cols").GetInt64() <= 1024);
        }
    }

    [Fact]
    public void Generate_from_a_csv_writes_one_row_per_query()
    {
        string input = _trained.Experiment.Path("queries.csv");
        string output = _trained.Experiment.Path("designs.csv");
        File.WriteAllText(input, "M,N,K,mac_budget,dram_bw\n300,200,100,1024,16\n64,64,64,256,4\n");

        (int exitCode, _, _) = CliRunner.Run("generate", "-c", _trained.Experiment.Path("ckpt"), "--input", input, "--output", output);

        Assert.Equal(0, exitCode);
        string[] lines = File.ReadAllLines(output);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("M,N,K,mac_budget,dram_bw,rows,cols,dataflow,ifmap_sram_kb,filter_sram_kb,ofmap_sram_kb,compute_cycles", lines[0]);
        Assert.EndsWith("feasible,milliseconds", lines[0]);
        Assert.StartsWith("64,64,64,256,4,", lines[2]);
    }

    [Fact]
    public void Eval_reports_the_harness_measures_as_json()
    {
        (int exitCode, string output, _) = CliRunner.Run("eval", "--checkpoint", _trained.Experiment.Path("ckpt"), "--json");

        Assert.Equal(0, exitCode);
        using JsonDocument json = JsonDocument.Parse(output);
        Assert.Equal(6, json.RootElement.GetProperty("queries").GetInt32());
        Assert.InRange(json.RootElement.GetProperty("feasible_rate").GetDouble(), 0, 1);
        Assert.InRange(json.RootElement.GetProperty("quality").GetDouble(), 0, 1);

        // The score counts infeasible answers as 0; over feasible ones it is an arithmetic mean, never below the geometric.
        double score = json.RootElement.GetProperty("score").GetDouble(), feasible = json.RootElement.GetProperty("feasible_rate").GetDouble();
        Assert.InRange(score, 0, feasible);
        Assert.True(feasible < 1 || score >= json.RootElement.GetProperty("quality").GetDouble() - 1e-12);
        Assert.True(json.RootElement.GetProperty("p95_ms").GetDouble() >= json.RootElement.GetProperty("p50_ms").GetDouble());
        Assert.Equal(0, json.RootElement.GetProperty("seed").GetInt64());
        Assert.False(json.RootElement.GetProperty("complete_mappings").GetBoolean());
        Assert.True(json.RootElement.GetProperty("temperature").GetDouble() > 0);
    }

    [Theory]
    [InlineData("head")]
    [InlineData("head-spread")]
    [InlineData("spread")]
    [InlineData("bounds")]
    [InlineData("surrogate")]
    [InlineData("none")]
    public void Eval_with_a_call_limit_evaluates_at_most_that_many_designs_per_query(string ranker)
    {
        (int exitCode, string output, _) = CliRunner.Run("eval", "--checkpoint", _trained.Experiment.Path("ckpt"), "--calls", "2", "--ranker", ranker, "--json");

        Assert.Equal(0, exitCode);
        using JsonDocument json = JsonDocument.Parse(output);
        Assert.InRange(json.RootElement.GetProperty("design_calls_per_query").GetDouble(), 1, 2);
        Assert.Equal(2, json.RootElement.GetProperty("calls_limit").GetInt32());
        Assert.Equal(ranker, json.RootElement.GetProperty("ranker").GetString());
    }

    [Fact]
    public void Generate_with_one_call_evaluates_one_design()
    {
        (int exitCode, string output, _) = CliRunner.Run(
            "generate", "--checkpoint", _trained.Experiment.Path("ckpt"), "-w", "gemm:M=64,N=64,K=64", "--calls", "1", "--ranker", "bounds", "--json");

        Assert.Equal(0, exitCode);
        using JsonDocument json = JsonDocument.Parse(output);
        Assert.Equal(1, json.RootElement.GetProperty("calls").GetProperty("designs").GetInt64());
    }

    [Theory]
    [InlineData(new[] { "eval", "-c", "CKPT", "--calls", "-1" }, "--calls must be 0 (no limit) or a positive number of calls, got -1")]
    [InlineData(new[] { "eval", "-c", "CKPT", "--ranker", "oracle" }, "--ranker 'oracle' is not a ranker; allowed: head, head-spread, spread, hybrid, surrogate, discriminator, bounds, none")]
    [InlineData(new[] { "generate", "--checkpoint", "/nonexistent/ckpt", "-w", "gemm:M=8,N=8,K=8" }, "checkpoint '/nonexistent/ckpt' not found")]
    [InlineData(new[] { "generate", "-c", "CKPT", "-w", "gemm:M=8,N=8,K=8", "--count", "0" }, "--count and --candidates must be positive")]
    [InlineData(new[] { "generate", "-c", "CKPT", "-w", "gemm:M=8,N=8,K=8", "--mac-budget", "-3" }, "--mac-budget '-3'")]
    [InlineData(new[] { "generate", "-c", "CKPT" }, "give --workload or --input")]
    [InlineData(new[] { "generate", "-c", "CKPT", "-w", "gemm:M=8,N=8,K=8", "--candidates", "2000000" }, "--candidates 2000000 is too many; at most 65,536 per query")]
    [InlineData(new[] { "eval", "-c", "CKPT", "--candidates", "2000000" }, "--candidates 2000000 is too many")]
    [InlineData(new[] { "generate", "-c", "CKPT", "-w", "gemm:M=1000000000000000000,N=8,K=8" }, "M='1000000000000000000' is too large; at most 67,108,864 (2^26)")]
    [InlineData(new[] { "eval", "-c", "CKPT", "--split", "holdout" }, "unknown split 'holdout'")]
    [InlineData(new[] { "eval", "-c", "CKPT", "--temperature", "0" }, "--temperature must be positive, got 0")]
    [InlineData(new[] { "eval", "-c", "CKPT", "--complete-mappings", "maybe" }, "'maybe'")]
    [InlineData(new[] { "checkpoint", "slim", "-c", "CKPT" }, "Option '--output' is required. (see 'gandse checkpoint slim --help')")]
    [InlineData(new[] { "generate", "-c", "CKPT", "-w", "gemm:M=8,N=8,K=8", "--slot-temperature", "-1" }, "--slot-temperature must be positive, got -1")]
    [InlineData(new[] { "generate", "-c", "CKPT", "-w", "gemm:M=8,N=8,K=8", "--target-latency", "5000" }, "--target-latency is not read by this checkpoint (task systolic-gemm), so it would be ignored; this checkpoint (task systolic-gemm) reads --mac-budget, --sram-budget-kb, --dram-bw")]
    [InlineData(new[] { "generate", "-c", "CKPT", "-w", "gemm:M=8,N=8,K=8", "--area-budget", "5000" }, "--area-budget is not read by this checkpoint")]
    [InlineData(new[] { "generate", "-c", "CKPT", "-w", "gemm:M=8,N=8,K=8", "--dram-bw", "2.5" }, "--dram-bw '2.5' is not allowed; expected a whole number from 1 to 1000000 (words/cycle)")]
    [InlineData(new[] { "generate", "-c", "CKPT", "-w", "gemm:M=8,N=8,K=8", "--mac-budget", "1e18" }, "--mac-budget '1e18' is not allowed; expected a whole number from 1 to 1000000000000 (PEs)")]
    [InlineData(new[] { "generate", "-c", "CKPT", "--input", "TARGETED" }, "column target_latency is not read by task systolic-gemm, so it would be ignored")]
    [InlineData(new[] { "generate", "-c", "CKPT", "--input", "QUERIES", "--mac-budget", "64" }, "so --mac-budget would be ignored; put it in a column instead")]
    public void Bad_input_prints_one_line_and_exits_with_2(string[] args, string expected)
    {
        string queries = _trained.Experiment.Path("queries.csv");
        File.WriteAllText(queries, "M,N,K\n8,8,8\n");
        string targeted = _trained.Experiment.Path("targeted.csv");
        File.WriteAllText(targeted, "M,N,K,target_latency\n8,8,8,5000\n");
        string[] resolved = args.Select(a => a == "CKPT" ? _trained.Experiment.Path("ckpt") : a == "QUERIES" ? queries : a == "TARGETED" ? targeted : a).ToArray();

        (int exitCode, _, string error) = CliRunner.Run(resolved);

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, error);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Theory]
    [InlineData(200)]
    [InlineData(50_000)]
    public void A_truncated_checkpoint_gets_one_line_naming_the_file_in_generate_and_resume(int keptBytes)
    {
        string folder = _trained.Experiment.Path($"truncated-{keptBytes}");
        Directory.CreateDirectory(folder);
        string truncated = Path.Combine(folder, "last.ckpt");
        byte[] full = File.ReadAllBytes(Path.Combine(_trained.Experiment.Path("ckpt"), "last.ckpt"));
        File.WriteAllBytes(truncated, full.Take(keptBytes).ToArray());

        (int generated, _, string generateError) = CliRunner.Run("generate", "-c", truncated, "-w", "gemm:M=8,N=8,K=8");
        (int resumed, _, string resumeError) = CliRunner.Run("train", _trained.Experiment.ConfigPath, "--resume", "--max-steps", "100", "--checkpoint-dir", folder, "--run-dir", _trained.Experiment.Path($"run-{keptBytes}"));

        foreach ((int exitCode, string error) in new[] { (generated, generateError), (resumed, resumeError) })
        {
            Assert.Equal(2, exitCode);
            Assert.Contains($"checkpoint '{truncated}' cannot be read: it ends early: truncated", error);
            Assert.Single(error.TrimEnd().Split('\n'));
        }
    }

    [Theory]
    [InlineData("--set", "data.train_workloads=10", "--resume continues the saved run, so --set data.train_workloads cannot change; only train.* and generate.* may")]
    [InlineData("--set", "model.hidden=8", "--set model.hidden cannot change")]
    [InlineData("--max-steps", "20", "is already at step 30 and train.steps is 20, so there is nothing to train; give --max-steps above 30")]
    public void Resume_refuses_what_would_silently_change_the_run_or_do_nothing(string flag, string value, string expected)
    {
        (int exitCode, _, string error) = CliRunner.Run(
            "train", _trained.Experiment.ConfigPath, "--resume", "--checkpoint-dir", _trained.Experiment.Path("ckpt"), flag, value);

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void Checkpoint_info_lists_the_condition_fields_the_task_reads()
    {
        (int exitCode, string output, string error) = CliRunner.Run("checkpoint", "info", "-c", _trained.Experiment.Path("ckpt"), "--json");

        Assert.True(exitCode == 0, error);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        Assert.Equal("systolic-gemm", json.RootElement.GetProperty("task").GetString());
        Assert.Equal(
            new[] { "--mac-budget", "--sram-budget-kb", "--dram-bw" },
            json.RootElement.GetProperty("conditions").EnumerateArray().Select(f => f.GetProperty("flag").GetString()).ToArray());
    }

    [Fact]
    public void Train_refuses_an_unknown_config_key_with_its_path()
    {
        (int exitCode, _, string error) = CliRunner.Run("train", _trained.Experiment.ConfigPath, "--set", "train.learning_rate=1");

        Assert.Equal(2, exitCode);
        Assert.Contains("unknown key 'train.learning_rate'", error);
    }

    [Fact]
    public void A_slim_checkpoint_generates_the_same_designs_but_cannot_resume()
    {
        string slimDirectory = _trained.Experiment.Path("slim");
        Directory.CreateDirectory(slimDirectory);
        string slim = Path.Combine(slimDirectory, "last.ckpt");
        // last.ckpt: best.ckpt is written weights-only with its ranking head once training ends.
        string full = Path.Combine(_trained.Experiment.Path("ckpt"), "last.ckpt");

        (int exitCode, _, string error) = CliRunner.Run("checkpoint", "slim", "-c", full, "--output", slim);

        Assert.True(exitCode == 0, error);
        Assert.True(new FileInfo(slim).Length < new FileInfo(full).Length / 2);
        string Designs(string checkpoint)
        {
            (int code, string output, _) = CliRunner.Run("generate", "-c", checkpoint, "-w", "gemm:M=64,N=128,K=32", "--count", "3", "--json");
            Assert.Equal(0, code);
            using JsonDocument json = JsonDocument.Parse(output);
            return json.RootElement.GetProperty("designs").GetRawText();
        }

        Assert.Equal(Designs(full), Designs(slim));
        (int resumeCode, _, string resumeError) = CliRunner.Run(
            "train", _trained.Experiment.ConfigPath, "--resume", "--max-steps", "40", "--checkpoint-dir", slimDirectory, "--run-dir", _trained.Experiment.Path("run-slim"));
        Assert.Equal(2, resumeCode);
        Assert.Contains("holds weights only", resumeError);
        Assert.False(Directory.Exists(_trained.Experiment.Path("run-slim")));
    }

    [Fact]
    public void A_slim_copy_can_change_answer_time_defaults_and_nothing_else()
    {
        string full = Path.Combine(_trained.Experiment.Path("ckpt"), "best.ckpt");
        string slim = _trained.Experiment.Path("answer-defaults.ckpt");

        (int exitCode, _, string error) = CliRunner.Run("checkpoint", "slim", "-c", full, "-o", slim, "--set", "generate.candidates=77", "--set", "generate.temperature=1.5");
        (int refusedCode, _, string refused) = CliRunner.Run("checkpoint", "slim", "-c", full, "-o", slim + ".x", "--set", "train.steps=5");

        Assert.True(exitCode == 0, error);
        Gandse.Methods.Gan.TrainedGan copy = Gandse.Methods.Gan.TrainedGan.Load(slim);
        Assert.Equal(77, copy.Config.Generate.Candidates);
        Assert.Equal(1.5, copy.Config.Generate.Temperature);
        Assert.Equal(Gandse.Methods.Gan.TrainedGan.Load(full).Config.Train.Steps, copy.Config.Train.Steps);
        Assert.Equal(2, refusedCode);
        Assert.Contains("only generate.* settings", refused);
        Assert.False(File.Exists(slim + ".x"));
    }

    [Fact]
    public void Fit_ranker_writes_a_copy_with_a_head_and_its_answer_defaults()
    {
        string source = Path.Combine(_trained.Experiment.Path("ckpt"), "last.ckpt");
        string fitted = _trained.Experiment.Path("fitted.ckpt");

        (int exitCode, string output, string error) = CliRunner.Run(
            "checkpoint", "fit-ranker", "-c", source, "-o", fitted, "--set", "train.ranking_head_steps=10", "--set", "generate.ranker=head-spread", "--json");

        Assert.True(exitCode == 0, error);
        using (JsonDocument json = JsonDocument.Parse(output))
        {
            Assert.Equal(10, json.RootElement.GetProperty("steps").GetInt32());
            Assert.True(json.RootElement.GetProperty("rows").GetInt64() > 0);
        }

        Gandse.Methods.Gan.TrainedGan copy = Gandse.Methods.Gan.TrainedGan.Load(fitted);
        Assert.NotNull(copy.Head);
        Assert.Equal("head-spread", copy.Config.Generate.Ranker);
        (int evalCode, string evalOutput, _) = CliRunner.Run("eval", "-c", fitted, "--calls", "1", "--json");
        Assert.Equal(0, evalCode);
        using JsonDocument eval = JsonDocument.Parse(evalOutput);
        Assert.Equal("head-spread", eval.RootElement.GetProperty("ranker").GetString());
    }

    [Theory]
    [InlineData("train.steps=5", "--set 'train.steps=5': fit-ranker takes train.ranking_head_* (how the head is fitted) and generate.*")]
    [InlineData("train.ranking_head_steps=0", "train.ranking_head_steps is 0: set a positive number of fitting steps")]
    [InlineData("train.ranking_head_temperatures=[]", "train.ranking_head_temperatures must list one or more temperatures > 0")]
    public void Fit_ranker_refuses_settings_that_are_not_its_own_and_writes_nothing(string assignment, string expected)
    {
        string fitted = _trained.Experiment.Path("refused.ckpt");

        (int exitCode, _, string error) = CliRunner.Run("checkpoint", "fit-ranker", "-c", _trained.Experiment.Path("ckpt"), "-o", fitted, "--set", assignment);

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, error);
        Assert.False(File.Exists(fitted));
    }

    [Fact]
    public void The_head_ranker_on_a_checkpoint_without_a_head_says_how_to_fit_one()
    {
        (int exitCode, _, string error) = CliRunner.Run("eval", "-c", Path.Combine(_trained.Experiment.Path("ckpt"), "last.ckpt"), "--ranker", "head");

        Assert.Equal(2, exitCode);
        Assert.Contains("has no ranking head; fit one with 'gandse checkpoint fit-ranker", error);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    public sealed class TrainedWithCli : IDisposable
    {
        public TrainedWithCli()
        {
            Experiment = new TinyExperiment();
            (ExitCode, Output, _) = CliRunner.Run(
                "train", Experiment.ConfigPath, "--run-dir", Experiment.Path("run"), "--checkpoint-dir", Experiment.Path("ckpt"));
        }

        public TinyExperiment Experiment { get; }

        public int ExitCode { get; }

        public string Output { get; }

        public void Dispose() => Experiment.Dispose();
    }
}
