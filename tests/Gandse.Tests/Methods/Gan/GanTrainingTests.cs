using System.Globalization;
using Gandse.Harness;
using Gandse.Methods.Gan;
using Gandse.Tasks;
using Gandse.Tests.Runs;
using TorchSharp;
using static TorchSharp.torch;

namespace Gandse.Tests.Methods.Gan;

/// <summary>Trains a tiny GAN once and checks what the run leaves behind.</summary>
public sealed class GanTrainingTests : IClassFixture<GanTrainingTests.TrainedOnce>
{
    private readonly TrainedOnce _trained;

    public GanTrainingTests(TrainedOnce trained)
    {
        _trained = trained;
    }

    [Fact]
    public void The_run_folder_holds_the_resolved_config_and_a_metrics_csv()
    {
        string run = _trained.Result.RunDirectory;

        Assert.Contains("steps: 30", File.ReadAllText(Path.Combine(run, "config.yaml")));
        using (var record = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "run.json"))))
        {
            Assert.Equal(Gandse.Runtime.GandseVersion.Current, record.RootElement.GetProperty("gandse_version").GetString());
            Assert.Equal(_trained.Experiment.Config().Seed, record.RootElement.GetProperty("seed").GetInt64());
        }

        string[] metrics = File.ReadAllLines(Path.Combine(run, "metrics.csv"));
        Assert.StartsWith("step,seconds,tau,loss_discriminator", metrics[0]);
        Assert.Equal(new[] { "5", "10", "15", "20", "25", "30" }, metrics.Skip(1).Select(l => l.Split(',')[0]));
        int quality = Array.IndexOf(metrics[0].Split(','), "val_quality");
        Assert.True(double.Parse(metrics[2].Split(',')[quality], CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public void TensorBoard_events_hold_the_logged_scalars_histograms_and_config()
    {
        List<Tensorboard.Event> events = TensorBoardEvents.Read(_trained.Result.RunDirectory);
        var scalars = TensorBoardEvents.Scalars(events);

        Assert.Equal(new long[] { 5, 10, 15, 20, 25, 30 }, scalars.Where(s => s.Tag == "losses/generator").Select(s => s.Step));
        Assert.Equal(new long[] { 10, 20, 30 }, scalars.Where(s => s.Tag == "val/quality").Select(s => s.Step));
        Assert.Contains(scalars, s => s.Tag == "surrogate/mse" && s.Step == 20);
        Assert.All(scalars.Where(s => s.Tag == "val/feasible_rate"), s => Assert.InRange(s.Value, 0f, 1f));
        Assert.Contains(events, e => e.Summary?.Value.Any(v => v.Tag.StartsWith("generated/rows", StringComparison.Ordinal) && v.Histo is not null) == true);
        Assert.Contains(events, e => e.Summary?.Value.Any(v => v.Tag.StartsWith("config", StringComparison.Ordinal)) == true);
    }

    [Fact]
    public void Last_and_best_checkpoints_carry_config_and_step()
    {
        CheckpointInfo last = GanCheckpoint.ReadInfo(_trained.Experiment.Path("ckpt/last.ckpt"));
        CheckpointInfo best = GanCheckpoint.ReadInfo(_trained.Experiment.Path("ckpt/best.ckpt"));

        Assert.Equal(30, last.Step);
        Assert.InRange(best.Step, 10, 30);
        Assert.Equal("tiny", last.Experiment);
        Assert.Contains("batch_size: 32", last.ConfigYaml);
        Assert.Equal(Gandse.Runtime.GandseVersion.Current, last.GandseVersion);
        Assert.Empty(Directory.GetFiles(_trained.Experiment.Path("ckpt"), "*.tmp"));
    }

    [Fact]
    public void The_best_checkpoint_gets_a_ranking_head_fitted_after_the_last_step_and_logged()
    {
        CheckpointInfo best = GanCheckpoint.ReadInfo(_trained.Experiment.Path("ckpt/best.ckpt"));
        CheckpointInfo last = GanCheckpoint.ReadInfo(_trained.Experiment.Path("ckpt/last.ckpt"));
        var scalars = TensorBoardEvents.Scalars(TensorBoardEvents.Read(_trained.Result.RunDirectory));

        Assert.NotNull(best.RankingHead);
        Assert.Null(last.RankingHead);
        Assert.Equal(40, best.RankingHead!.Steps);
        Assert.Equal(24, best.RankingHead.Conditions);
        // 24 conditions × 16 candidates × 2 temperatures, less those whose bounds break a budget.
        Assert.InRange(best.RankingHead.Rows, 1, 24 * 16 * 2);
        Assert.Contains(scalars, s => s.Tag == "ranking_head/regression" && s.Step == 40);
        Assert.Contains(scalars, s => s.Tag == "ranking_head/val_top_one_ratio");
        Assert.NotNull(TrainedGan.Load(_trained.Experiment.Path("ckpt")).Head);
    }

    [Fact]
    public void A_reloaded_checkpoint_generates_the_same_designs_for_the_same_seed()
    {
        TrainedGan first = TrainedGan.Load(_trained.Experiment.Path("ckpt/last.ckpt"));
        TrainedGan second = TrainedGan.Load(_trained.Experiment.Path("ckpt"));
        var query = new[] { first.Task.Query(new Gandse.Workloads.Gemm(300, 200, 100), 1024, 384, 16, null) };

        using IDisposable scope = NewDisposeScope();
        Tensor a = first.Method(9).Propose(query, 64);
        Tensor b = TrainedGan.Load(_trained.Experiment.Path("ckpt/last.ckpt")).Method(9).Propose(query, 64);
        Tensor c = first.Method(10).Propose(query, 64);

        Assert.True(a.equal(b).all().item<bool>());
        Assert.False(a.equal(c).all().item<bool>());
        Assert.NotNull(second);
    }

    [Fact]
    public void An_interrupted_run_resumes_from_the_saved_step_to_the_same_weights()
    {
        string checkpoints = _trained.Experiment.Path("resumed-ckpt");
        using var interrupt = new CancellationTokenSource();
        TrainResult stopped = GanTrainer.Train(_trained.Experiment.Config(), new TrainOptions(Gandse.Harness.HarnessValidator.Instance,
            _trained.Experiment.Path("resumed-run-1"), checkpoints, Progress: p => { if (p.Phase == "gan" && p.Done == 17) interrupt.Cancel(); }, Cancellation: interrupt.Token));
        Assert.True(stopped.Interrupted);
        Assert.Equal(17, GanCheckpoint.ReadInfo(Path.Combine(checkpoints, "last.ckpt")).Step);

        TrainResult resumed = GanTrainer.Train(_trained.Experiment.Config(), new TrainOptions(Gandse.Harness.HarnessValidator.Instance, _trained.Experiment.Path("resumed-run-2"), checkpoints, Resume: true));

        string[] rows = File.ReadAllLines(Path.Combine(resumed.RunDirectory, "metrics.csv"));
        Assert.Equal("20", rows[1].Split(',')[0]);
        Assert.Equal(30, GanCheckpoint.ReadInfo(Path.Combine(checkpoints, "last.ckpt")).Step);

        using IDisposable scope = NewDisposeScope();
        TrainedGan straight = TrainedGan.Load(_trained.Experiment.Path("ckpt/last.ckpt"));
        TrainedGan continued = TrainedGan.Load(Path.Combine(checkpoints, "last.ckpt"));
        foreach ((Tensor a, Tensor b) in straight.Networks.parameters().Zip(continued.Networks.parameters()))
        {
            Assert.True(a.allclose(b, rtol: 0, atol: 0));
        }
    }

    [Fact]
    public void A_resumed_run_goes_on_in_its_own_folder_and_appends_to_its_metrics()
    {
        string checkpoints = _trained.Experiment.Path("appended-ckpt");
        string runFolder = _trained.Experiment.Path("appended-run");
        using var interrupt = new CancellationTokenSource();
        GanTrainer.Train(_trained.Experiment.Config(), new TrainOptions(
            Gandse.Harness.HarnessValidator.Instance, runFolder, checkpoints, Progress: p => { if (p.Phase == "gan" && p.Done == 12) interrupt.Cancel(); }, Cancellation: interrupt.Token));

        TrainResult resumed = GanTrainer.Train(_trained.Experiment.Config(), new TrainOptions(Gandse.Harness.HarnessValidator.Instance, null, checkpoints, Resume: true));

        Assert.Equal(Path.GetFullPath(runFolder), resumed.RunDirectory);
        string[] rows = File.ReadAllLines(Path.Combine(runFolder, "metrics.csv"));
        Assert.Single(rows, r => r.StartsWith("step,", StringComparison.Ordinal));
        Assert.Equal(new[] { "5", "10", "15", "20", "25", "30" }, rows.Skip(1).Select(r => r.Split(',')[0]).Where(s => s.Length > 0).Distinct());
        Assert.Contains("resumed_utc", File.ReadAllText(Path.Combine(runFolder, "run.json")));
    }

    [Fact]
    public void An_interrupt_while_fitting_the_surrogate_stops_at_once_and_keeps_the_dataset()
    {
        using var interrupt = new CancellationTokenSource();
        int surrogateReports = 0;

        var error = Assert.ThrowsAny<OperationCanceledException>(() => GanTrainer.Train(_trained.Experiment.Config(), new TrainOptions(
            Gandse.Harness.HarnessValidator.Instance, _trained.Experiment.Path("surrogate-run"), _trained.Experiment.Path("surrogate-ckpt"),
            Progress: p =>
            {
                if (p.Phase == "surrogate" && ++surrogateReports == 1)
                {
                    interrupt.Cancel();
                }
            },
            Cancellation: interrupt.Token)));

        Assert.Contains("fitting the surrogate, before the first checkpoint: the labelled dataset is kept", error.Message);
        Assert.Equal(1, surrogateReports);
        Assert.False(File.Exists(_trained.Experiment.Path("surrogate-ckpt/last.ckpt")));
    }

    [Fact]
    public void A_run_interrupted_before_its_first_validation_still_saves_its_step()
    {
        string checkpoints = _trained.Experiment.Path("early-ckpt");
        using var interrupt = new CancellationTokenSource();

        TrainResult stopped = GanTrainer.Train(_trained.Experiment.Config(), new TrainOptions(Gandse.Harness.HarnessValidator.Instance,
            _trained.Experiment.Path("early-run"), checkpoints, Progress: p => { if (p.Phase == "gan" && p.Done == 3) interrupt.Cancel(); }, Cancellation: interrupt.Token));

        Assert.True(stopped.Interrupted);
        Assert.Equal(3, GanCheckpoint.ReadInfo(Path.Combine(checkpoints, "last.ckpt")).Step);
        Assert.False(File.Exists(Path.Combine(checkpoints, "best.ckpt")));
    }

    [Fact]
    public void Validation_answers_are_checked_with_the_exact_cost_model()
    {
        TrainedGan gan = TrainedGan.Load(_trained.Experiment.Path("ckpt"));
        IReadOnlyList<LabelledCondition> queries = Gandse.Data.DatasetBuilder.LoadOrBuildSplit(gan.Config, gan.Task, "test");

        IReadOnlyList<QueryOutcome> outcomes = Scorer.ScoreEach(gan.Task, gan.Method(0), queries, 32);

        Assert.Equal(6, outcomes.Count);
        Assert.All(outcomes.Where(o => o.Feasible), o => Assert.True(o.Cost >= o.OptimumCost));
        Assert.All(outcomes.Where(o => o.ExactMatch), o => Assert.Equal(o.OptimumCost, o.Cost));
    }

    public sealed class TrainedOnce : IDisposable
    {
        public TrainedOnce()
        {
            Experiment = new TinyExperiment();
            Result = GanTrainer.Train(Experiment.Config(), new TrainOptions(Gandse.Harness.HarnessValidator.Instance, Experiment.Path("run"), Experiment.Path("ckpt")));
        }

        public TinyExperiment Experiment { get; }

        public TrainResult Result { get; }

        public void Dispose() => Experiment.Dispose();
    }
}
