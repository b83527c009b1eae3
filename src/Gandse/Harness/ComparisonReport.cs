using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gandse.Config;
using Gandse.Io;
using static TorchSharp.torch.utils.tensorboard;

namespace Gandse.Harness;

/// <summary>Writes a comparison's report.md, results.csv, results.json, PNG plots and TensorBoard scalars.</summary>
public static class ComparisonReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Writes report.md, results.csv and results.json into <paramref name="directory"/>; returns their paths.</summary>
    public static IReadOnlyList<string> Write(ComparisonResult result, string directory)
    {
        Directory.CreateDirectory(directory);
        IReadOnlyList<MethodAggregate> methods = MethodAggregate.Of(result);
        IReadOnlyList<string> plots = ComparisonPlots.Write(result, methods, directory);
        string report = Path.Combine(directory, "report.md");
        string csv = Path.Combine(directory, "results.csv");
        string json = Path.Combine(directory, "results.json");
        AtomicFile.Write(report, writer => writer.Write(Markdown(result, methods, plots)));
        AtomicFile.Write(csv, writer => WriteCsv(writer, result));
        AtomicFile.Write(json, writer => writer.Write(Json(result, methods).ToJsonString(new JsonSerializerOptions { WriteIndented = true })));
        WriteTensorBoard(result, Path.Combine(directory, "tensorboard"));
        return new[] { report, csv, json }.Concat(plots).ToList();
    }

    /// <summary>The comparison table as rows of cells (header first), for the console and the report.</summary>
    public static IReadOnlyList<string[]> Table(ComparisonResult result, IReadOnlyList<MethodAggregate> methods)
    {
        bool target = methods.Any(m => m.TargetMet is not null);
        bool layered = methods.Any(m => Math.Abs(m.LayerCalls.Mean - m.DesignCalls.Mean) > 1e-9);
        var header = new List<string> { "method", "feasible", "score", "quality", "exact match" };
        if (target)
        {
            header.AddRange(new[] { "target met", "target error" });
        }

        header.AddRange(new[] { "p50 ms", "p95 ms", "designs/query" });
        if (layered)
        {
            header.Add("layer runs/query");
        }

        header.Add("train s");
        var rows = new List<string[]> { header.ToArray() };
        foreach (MethodAggregate m in methods)
        {
            var cells = new List<string> { m.Method, Percent(m.FeasibleRate), m.Score.Format("F4"), m.Quality.Format("F4"), Percent(m.ExactMatch) };
            if (target)
            {
                cells.Add(m.TargetMet is Spread met ? Percent(met) : "-");
                cells.Add(m.TargetError is Spread error ? error.Format("F3") : "-");
            }

            cells.AddRange(new[] { m.P50Milliseconds.Format("F1"), m.P95Milliseconds.Format("F1"), m.DesignCalls.Format("F0") });
            if (layered)
            {
                cells.Add(m.LayerCalls.Format("F0"));
            }

            cells.Add(m.TrainingSeconds.Format("F0"));
            rows.Add(cells.ToArray());
        }

        return rows;
    }

    private static string Markdown(ComparisonResult result, IReadOnlyList<MethodAggregate> methods, IReadOnlyList<string> plots)
    {
        CompareConfig compare = result.Config.Compare;
        var text = new StringBuilder();
        text.Append(Invariant, $"# Comparison: {result.Task} ({result.Config.Experiment})\n\n");
        if (result.Partial)
        {
            int planned = result.Config.Compare.Seeds * result.Config.Compare.Methods.Count;
            text.Append(Invariant, $"**Partial: {result.Runs.Count} of {planned} method runs finished** (interrupted); `gandse compare … --resume --out <this folder>` runs the rest.\n\n");
        }

        text.Append(Invariant, $"{result.Queries} held-out {(compare.Split == "val" ? "validation queries (for tuning: not a reported figure)" : "test queries")} (workloads never seen in training), a budget of {compare.Budget} distinct designs evaluated per query for every method, ");
        text.Append(Invariant, $"seeds {result.Config.Seed}–{result.Config.Seed + compare.Seeds - 1}; mean ± std over seeds. Took {result.Elapsed.TotalMinutes:F1} min; Gandse {Runtime.GandseVersion.Current}.\n\n");
        IReadOnlyList<string[]> table = Table(result, methods);
        text.Append("| ").Append(string.Join(" | ", table[0])).Append(" |\n|").Append(string.Concat(table[0].Select(_ => "---|"))).Append('\n');
        foreach (string[] row in table.Skip(1))
        {
            text.Append("| ").Append(string.Join(" | ", row)).Append(" |\n");
        }

        text.Append("\n## Protocol\n\n");
        text.Append("- Every method answers each query on its own with the same budget of distinct designs: a search evaluates up to that many; a one-shot method proposes that many and, when it proposed repeats, is asked again (up to `compare.top_up_rounds` rounds) until it has that many distinct designs or stops finding new ones. The exact cost model checks them and the best feasible one is the answer. Times run from the first proposal to the verified answer.\n");
        text.Append("- `designs/query` is measured, not configured: every distinct design the exact cost model evaluated for the query, whoever asked (a search while proposing, mapping completion, verification), each once, as a simulator cache would serve repeats. A method that proposes the same design twice spends one call on it. `score` is the mean of optimum/achieved over all queries with infeasible answers as 0; `quality` is the geometric mean over the feasible answers alone.\n");
        text.Append("- **quality**: geometric mean over feasible answers of optimum cost / achieved cost (1 is optimal); infeasible answers count only in **feasible**, never silently dropped. **exact match**: the answer is an optimal design (same objective keys as the exact optimum).\n");
        text.Append("- Trained methods (gan, mlp, rl-amortised, airchitect-v2) train on the same training split; `train s` is their training time. rl-search, evolutionary and random train nothing and spend the budget per query.\n");
        text.Append("- gan: the conditional GAN (sampling temperature and training as configured); mlp: AIrchitect's recommender, first candidate its arg-max prediction, the rest sampled from its heads; rl-amortised: one conditional autoregressive REINFORCE policy across queries; rl-search: a fresh autoregressive policy per query (ConfuciuX's mode); evolutionary: tournament selection, uniform crossover, mutation, elitism; airchitect-v2: AIrchitect v2's transformer encoder with ordinal heads, its k most likely designs in order.\n");
        foreach (MethodAggregate m in methods.Where(m => m.Top1Accuracy is not null))
        {
            text.Append(Invariant, $"- {m.Method} top-1 (its arg-max prediction alone, one cost-model call): accuracy (an optimal design) {Percent(m.Top1Accuracy!.Value)}, feasible {Percent(m.Top1FeasibleRate!.Value)}, quality of the feasible ones {m.Top1Quality!.Value.Format("F4")}.\n");
        }

        text.Append(CallsCurveSection.Markdown(methods, result.CallCheckpoints));
        text.Append(AblationSection.Markdown(methods, result.CallCheckpoints));
        text.Append("\n## Against the literature\n\n");
        text.Append("- GANDSE reports better designs than MLP and deep-RL approaches in negligible time. ");
        MethodAggregate? gan = methods.FirstOrDefault(m => m.Method == "gan");
        if (gan is not null)
        {
            var baselines = methods.Where(m => Methods.MethodCatalog.Get(m.Method).VariantOf is null).ToList();
            var better = baselines.Where(m => m.Method != "gan" && m.Quality.Mean > gan.Quality.Mean && m.FeasibleRate.Mean >= gan.FeasibleRate.Mean).Select(m => m.Method).ToList();
            var tradeoff = baselines.Where(m => m.Method != "gan" && m.Quality.Mean > gan.Quality.Mean && m.FeasibleRate.Mean < gan.FeasibleRate.Mean).Select(m => m.Method).ToList();
            text.Append(better.Count == 0
                ? "Here no method beats the GAN on both feasible rate and quality."
                : $"Here {string.Join(", ", better)} beat the GAN on both feasible rate and quality: the claim does not hold on this task at this budget.");
            text.Append(tradeoff.Count == 0
                ? "\n"
                : $" {string.Join(", ", tradeoff)} reached a higher quality over its feasible answers than the GAN, but answered fewer queries feasibly.\n");
        }
        else
        {
            text.Append("The GAN was not part of this comparison.\n");
        }

        foreach (string anchor in result.Anchors)
        {
            text.Append("- ").Append(anchor).Append('\n');
        }

        text.Append("- ArchGym: given enough samples and tuned hyperparameters, RL, BO, GA, ACO and random walk reach similar designs (the hyperparameter lottery). Every budget and setting used here is in `results.json` (`config`). Tuning effort was not equal: the GAN's defaults come from a sweep on the systolic-gemm validation split (README); rl-amortised's entropy bonus and reward penalty were raised once after its first settings collapsed the policy onto one design; the evolutionary search's population, mutation and crossover were swept on validation (56 runs) and its defaults stayed, no setting beating them beyond seed noise (docs/comparison.md); the other baselines run their first settings.\n");
        text.Append("\n## Figures\n\n");
        foreach (string plot in plots)
        {
            text.Append(Invariant, $"![{Path.GetFileNameWithoutExtension(plot)}]({Path.GetFileName(plot)})\n\n");
        }

        return text.ToString();
    }

    private static void WriteCsv(TextWriter writer, ComparisonResult result)
    {
        writer.WriteLine("method,seed,queries,feasible_rate,score,quality,exact_match,target_met_rate,mean_target_error,p50_ms,p95_ms,budget,design_calls_per_query,layer_runs_per_query,analytic_per_query,training_seconds,top1_accuracy,top1_feasible_rate,top1_quality,first_is_label");
        foreach (MethodRun run in result.Runs)
        {
            Summary s = run.Summary;
            writer.WriteLine(string.Join(",", new[]
            {
                run.Method, run.Seed.ToString(Invariant), s.Queries.ToString(Invariant), N(s.FeasibleRate), N(s.Score), N(s.Quality), N(s.ExactMatch),
                N(s.TargetMetRate), N(s.MeanTargetError), N(s.P50Milliseconds), N(s.P95Milliseconds), run.Budget.ToString(Invariant),
                N(s.DesignCallsPerQuery), N(s.LayerCallsPerQuery), N(s.AnalyticCallsPerQuery),
                N(run.TrainingSeconds), N(run.Top1Accuracy), N(run.Top1FeasibleRate), N(run.Top1Quality), N(run.FirstIsLabel),
            }));
        }
    }

    private static JsonObject Json(ComparisonResult result, IReadOnlyList<MethodAggregate> methods) => new()
    {
        ["task"] = result.Task,
        ["experiment"] = result.Config.Experiment,
        ["gandse_version"] = Runtime.GandseVersion.Current,
        ["partial"] = result.Partial,
        ["queries"] = result.Queries,
        ["elapsed_seconds"] = Math.Round(result.Elapsed.TotalSeconds, 1),
        ["call_checkpoints"] = new JsonArray(result.CallCheckpoints.Select(c => (JsonNode)JsonValue.Create(c)).ToArray()),
        ["methods"] = new JsonArray(methods.Select(m => (JsonNode)new JsonObject
        {
            ["method"] = m.Method,
            ["seeds"] = m.Seeds,
            ["feasible_rate"] = SpreadJson(m.FeasibleRate),
            ["quality"] = SpreadJson(m.Quality),
            ["exact_match"] = SpreadJson(m.ExactMatch),
            ["target_met_rate"] = m.TargetMet is Spread met ? SpreadJson(met) : null,
            ["mean_target_error"] = m.TargetError is Spread error ? SpreadJson(error) : null,
            ["p50_ms"] = SpreadJson(m.P50Milliseconds),
            ["p95_ms"] = SpreadJson(m.P95Milliseconds),
            ["budget"] = m.Budget,
            ["score"] = SpreadJson(m.Score),
            ["design_calls_per_query"] = SpreadJson(m.DesignCalls),
            ["layer_runs_per_query"] = SpreadJson(m.LayerCalls),
            ["analytic_per_query"] = SpreadJson(m.AnalyticCalls),
            ["training_seconds"] = SpreadJson(m.TrainingSeconds),
            ["top1_accuracy"] = m.Top1Accuracy is Spread accuracy ? SpreadJson(accuracy) : null,
            ["top1_feasible_rate"] = m.Top1FeasibleRate is Spread feasible ? SpreadJson(feasible) : null,
            ["top1_quality"] = m.Top1Quality is Spread quality ? SpreadJson(quality) : null,
            ["best_so_far"] = new JsonArray(m.BestSoFar.Select(v => (JsonNode)JsonValue.Create(v)).ToArray()),
            ["score_curve"] = new JsonArray(m.ScoreCurve.Select(v => (JsonNode)JsonValue.Create(v)).ToArray()),
            ["optimal_curve"] = new JsonArray(m.ExactCurve.Select(v => (JsonNode)JsonValue.Create(v)).ToArray()),
            ["first_is_label"] = m.FirstIsLabel is Spread first ? SpreadJson(first) : null,
        }).ToArray()),
        ["runs"] = new JsonArray(result.Runs.Select(r => (JsonNode)new JsonObject
        {
            ["method"] = r.Method,
            ["seed"] = r.Seed,
            ["feasible_rate"] = r.Summary.FeasibleRate,
            ["quality"] = r.Summary.Quality,
            ["exact_match"] = r.Summary.ExactMatch,
            ["p50_ms"] = r.Summary.P50Milliseconds,
            ["p95_ms"] = r.Summary.P95Milliseconds,
            ["training_seconds"] = r.TrainingSeconds,
        }).ToArray()),
        ["config"] = ConfigWriter.ToYaml(result.Config),
    };

    private static void WriteTensorBoard(ComparisonResult result, string directory)
    {
        var writer = SummaryWriter(directory, null, false);
        foreach (MethodRun run in result.Runs)
        {
            int step = (int)(run.Seed - result.Config.Seed);
            writer.add_scalar($"compare/{run.Method}/quality", (float)run.Summary.Quality, step);
            writer.add_scalar($"compare/{run.Method}/feasible_rate", (float)run.Summary.FeasibleRate, step);
            writer.add_scalar($"compare/{run.Method}/exact_match", (float)run.Summary.ExactMatch, step);
            writer.add_scalar($"compare/{run.Method}/p50_ms", (float)run.Summary.P50Milliseconds, step);
        }
    }

    private static JsonObject SpreadJson(Spread spread) => new() { ["mean"] = spread.Mean, ["std"] = spread.Std };

    private static string Percent(Spread spread) =>
        spread.Std == 0 ? (spread.Mean * 100).ToString("F1", Invariant) + " %" : $"{(spread.Mean * 100).ToString("F1", Invariant)} ± {(spread.Std * 100).ToString("F1", Invariant)} %";

    private static string N(double? value) => value is double v ? v.ToString("R", Invariant) : string.Empty;
}
