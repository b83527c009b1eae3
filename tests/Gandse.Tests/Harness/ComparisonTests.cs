using System.Text.Json;
using Gandse.Tests.Cli;
using Gandse.Tests.Methods.Gan;

namespace Gandse.Tests.Harness;

public sealed class ComparisonTests : IDisposable
{
    private readonly TinyExperiment _experiment = new();

    public void Dispose() => _experiment.Dispose();

    [Fact]
    public void A_tiny_comparison_writes_a_report_results_and_plots_that_parse()
    {
        string output = _experiment.Path("compare");

        (int exitCode, string console, string error) = CliRunner.Run(
            "compare", _experiment.ConfigPath, "--seeds", "1", "--out", output,
            "--set", "compare.queries=3", "--set", "compare.budget=16", "--set", "methods.mlp.steps=20", "--set", "methods.rl_amortised.steps=10",
            "--set", "methods.rl_amortised.batch_size=16", "--set", "methods.rl_search.batch=8", "--set", "methods.evolutionary.population=8");

        Assert.True(exitCode == 0, error);
        Assert.Contains("random", console);
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "results.json")));
        JsonElement methods = json.RootElement.GetProperty("methods");
        Assert.Equal(new[] { "gan", "mlp", "rl-amortised", "rl-search", "evolutionary", "random" }, methods.EnumerateArray().Select(m => m.GetProperty("method").GetString()));
        Assert.All(methods.EnumerateArray(), m => Assert.InRange(m.GetProperty("quality").GetProperty("mean").GetDouble(), 0, 1));
        Assert.All(methods.EnumerateArray(), m => Assert.Equal(16, m.GetProperty("budget").GetInt32()));
        Assert.All(methods.EnumerateArray(), m => Assert.InRange(m.GetProperty("design_calls_per_query").GetProperty("mean").GetDouble(), 1, 16));
        Assert.Equal(new[] { 1, 2, 4, 8, 16 }, json.RootElement.GetProperty("call_checkpoints").EnumerateArray().Select(c => c.GetInt32()));
        Assert.Equal(Gandse.Runtime.GandseVersion.Current, json.RootElement.GetProperty("gandse_version").GetString());
        Assert.True(methods[1].GetProperty("top1_accuracy").GetProperty("mean").GetDouble() >= 0);
        // The calls curves end where the answer is: the best of every design evaluated is the one scored.
        Assert.All(methods.EnumerateArray(), m =>
        {
            double[] score = m.GetProperty("score_curve").EnumerateArray().Select(v => v.GetDouble()).ToArray();
            double[] optimal = m.GetProperty("optimal_curve").EnumerateArray().Select(v => v.GetDouble()).ToArray();
            Assert.Equal(5, score.Length);
            Assert.True(score.Zip(score.Skip(1)).All(p => p.First <= p.Second + 1e-12), string.Join(", ", score));
            Assert.True(optimal.Zip(optimal.Skip(1)).All(p => p.First <= p.Second), string.Join(", ", optimal));
            Assert.Equal(m.GetProperty("score").GetProperty("mean").GetDouble(), score[^1], 9);
            Assert.Equal(m.GetProperty("exact_match").GetProperty("mean").GetDouble(), optimal[^1], 9);
            Assert.InRange(m.GetProperty("first_is_label").GetProperty("mean").GetDouble(), 0, optimal[0]);
        });

        string[] csv = File.ReadAllLines(Path.Combine(output, "results.csv"));
        Assert.Equal(7, csv.Length);
        Assert.StartsWith("method,seed,queries,feasible_rate,score,quality", csv[0]);
        Assert.Contains("design_calls_per_query,layer_runs_per_query", csv[0]);
        string report = File.ReadAllText(Path.Combine(output, "report.md"));
        Assert.Contains("| method | feasible | score | quality |", report);
        Assert.Contains("| method | score @ 1 | score @ 8 | score @ 16 | optimal @ 1 | top-1 |", report);
        foreach (string plot in new[] { "quality-vs-time.png", "quality-distribution.png", "best-so-far.png" })
        {
            byte[] png = File.ReadAllBytes(Path.Combine(output, plot));
            Assert.True(png.Length > 1000);
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png.Take(4));
        }

        Assert.NotEmpty(Directory.GetFiles(Path.Combine(output, "tensorboard"), "events.out.tfevents.*"));
    }

    [Fact]
    public void Searches_tuned_on_the_validation_split_label_only_that_split_and_say_so()
    {
        string output = _experiment.Path("tune");

        (int exitCode, _, string error) = CliRunner.Run(
            "compare", _experiment.ConfigPath, "--seeds", "1", "--out", output, "--set", "compare.split=val", "--set", "compare.methods=[evolutionary, random]",
            "--set", "compare.queries=3", "--set", "compare.budget=16", "--set", "methods.evolutionary.population=8", "--set", "methods.evolutionary.crossover_rate=0.5");

        Assert.True(exitCode == 0, error);
        string[] cached = Directory.GetFiles(_experiment.Path("cache")).Select(Path.GetFileName).OfType<string>().ToArray();
        Assert.Single(cached);
        Assert.EndsWith(".val.json", cached[0]);
        Assert.Contains("validation queries (for tuning: not a reported figure)", File.ReadAllText(Path.Combine(output, "report.md")));
    }

    [Theory]
    [InlineData("compare.methods=[gan, bayesian]", "unknown method 'bayesian'")]
    [InlineData("compare.budget=0", "compare.budget must be positive")]
    [InlineData("compare.seeds=-1", "compare.seeds must be positive")]
    [InlineData("methods.gan.checkpoint=/nonexistent/gan", "checkpoint '/nonexistent/gan' not found; train one with")]
    [InlineData("compare.gan_checkpoint=/nonexistent/gan", "--set 'compare.gan_checkpoint' is now 'methods.gan.checkpoint'; set that instead")]
    [InlineData("methods.mlp.steps=0", "methods.mlp.steps must be positive")]
    [InlineData("methods.rl_search.entropy_bonus=-1", "methods.rl_search.entropy_bonus must be 0 or more")]
    public void Bad_settings_are_refused_before_anything_is_written(string assignment, string expected)
    {
        string output = _experiment.Path("refused");

        (int exitCode, _, string error) = CliRunner.Run("compare", _experiment.ConfigPath, "--out", output, "--set", assignment);

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, error);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void An_interrupted_comparison_reports_what_finished_and_resumes_to_the_same_runs()
    {
        Gandse.Config.ExperimentConfig config = _experiment.Config(
            "compare.methods=[mlp, random, evolutionary]", "compare.seeds=2", "compare.queries=3", "compare.budget=16", "methods.mlp.steps=20", "methods.evolutionary.population=8");
        string interrupted = _experiment.Path("interrupted");
        using var interrupt = new CancellationTokenSource();

        Gandse.Harness.ComparisonResult partial = Gandse.Harness.Comparison.Run(
            config, interrupted, message => { if (message.StartsWith("seed 6: mlp: training", StringComparison.Ordinal)) interrupt.Cancel(); }, interrupt.Token);

        Assert.True(partial.Partial);
        Assert.Equal(new[] { "mlp", "random", "evolutionary" }, partial.Runs.Select(r => r.Method));
        Gandse.Harness.ComparisonReport.Write(partial, interrupted);
        Assert.Contains("**Partial: 3 of 6 method runs finished**", File.ReadAllText(Path.Combine(interrupted, "report.md")));

        var resumedMessages = new List<string>();
        Gandse.Harness.ComparisonResult resumed = Gandse.Harness.Comparison.Run(config, interrupted, resumedMessages.Add, resume: true);
        Gandse.Harness.ComparisonResult straight = Gandse.Harness.Comparison.Run(config, _experiment.Path("straight"));

        Assert.False(resumed.Partial);
        Assert.DoesNotContain(resumedMessages, m => m.StartsWith("seed 5:", StringComparison.Ordinal));
        Assert.Equal(straight.Runs.Select(r => (r.Method, r.Seed, r.Summary.Quality, r.Summary.DesignCallsPerQuery)), resumed.Runs.Select(r => (r.Method, r.Seed, r.Summary.Quality, r.Summary.DesignCallsPerQuery)));
    }

    [Fact]
    public void An_interrupt_while_a_method_trains_stops_its_training_and_scores_nothing_part_trained()
    {
        // Ten million steps would take hours: the run ends only because training sees the interrupt.
        Gandse.Config.ExperimentConfig config = _experiment.Config("compare.methods=[random, mlp]", "compare.seeds=1", "compare.queries=2", "compare.budget=8", "methods.mlp.steps=10000000");
        using var interrupt = new CancellationTokenSource();

        Gandse.Harness.ComparisonResult partial = Gandse.Harness.Comparison.Run(
            config, _experiment.Path("stopped"), message => { if (message.EndsWith("mlp: training", StringComparison.Ordinal)) interrupt.Cancel(); }, interrupt.Token);

        Assert.True(partial.Partial);
        Assert.Equal(new[] { "random" }, partial.Runs.Select(r => r.Method));
    }

    [Fact]
    public void Resume_without_an_unfinished_comparison_or_with_other_settings_is_refused()
    {
        string folder = _experiment.Path("nothing-to-resume");
        Directory.CreateDirectory(folder);

        (int missing, _, string missingError) = CliRunner.Run("compare", _experiment.ConfigPath, "--resume", "--out", folder);
        Gandse.Harness.ComparisonProgress.Save(folder, _experiment.Config("compare.queries=3"), Array.Empty<Gandse.Harness.MethodRun>(), TimeSpan.Zero);
        (int other, _, string otherError) = CliRunner.Run("compare", _experiment.ConfigPath, "--resume", "--out", folder, "--set", "compare.queries=4");

        Assert.Equal(2, missing);
        Assert.Contains("no unfinished comparison in", missingError);
        Assert.Equal(2, other);
        Assert.Contains("were made with other settings", otherError);
    }

    [Fact]
    public void A_resumed_comparison_counts_the_time_its_earlier_sessions_took()
    {
        string folder = _experiment.Path("earlier-time");
        Gandse.Config.ExperimentConfig config = _experiment.Config("compare.methods=[random]", "compare.seeds=1", "compare.queries=2", "compare.budget=8");
        Gandse.Harness.ComparisonProgress.Save(folder, config, Array.Empty<Gandse.Harness.MethodRun>(), TimeSpan.FromMinutes(90));

        Gandse.Harness.ComparisonResult resumed = Gandse.Harness.Comparison.Run(config, folder, resume: true);

        Assert.True(resumed.Elapsed >= TimeSpan.FromMinutes(90), $"{resumed.Elapsed}");
    }
}
