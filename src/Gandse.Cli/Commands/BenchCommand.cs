using System.CommandLine;
using System.Text.Json.Nodes;
using Gandse.Bench;
using Spectre.Console;

namespace Gandse.Cli.Commands;

/// <summary><c>gandse bench simulator</c>: throughput of the cost models and the time of one exact optimum.</summary>
public static class BenchCommand
{
    public static Command Build()
    {
        var command = new Command("bench", "Benchmarks that print numbers (performance goals are checked here, not in tests).");
        var simulator = new Command(
            "simulator",
            "Design x workload evaluations per second of the batched and scalar (reference) cost models on the same seeded inputs, "
            + "their ratio, and the time of exact optima: over the full systolic space (one fixed query, and queries drawn like the training data), "
            + "and for the maestro model over the AIrchitect-v2 space (768 designs, layers drawn as that dataset's), each by a fresh model so nothing is reused. "
            + "For the maestro model also the CPU time per evaluation, and the batched call on one thread with the part of it spent in the compiled per-row analysis.\n"
            + "Examples:\n  gandse bench simulator --json\n  gandse bench simulator --space maestro");
        var workloads = new Option<int>("--workloads") { Description = "Random GEMMs per batch.", DefaultValueFactory = _ => 32 };
        var designs = new Option<int>("--designs") { Description = "Random designs per batch.", DefaultValueFactory = _ => 512 };
        var seed = new Option<int>("--seed") { Description = "Seed of the random inputs.", DefaultValueFactory = _ => 0 };
        var space = new Option<string>("--space") { Description = "Which models: systolic, maestro or all.", DefaultValueFactory = _ => "all", HelpName = "systolic|maestro|all" };
        Option<bool> json = CommonOptions.Json();
        simulator.Options.Add(workloads);
        simulator.Options.Add(designs);
        simulator.Options.Add(seed);
        simulator.Options.Add(space);
        simulator.Options.Add(json);
        simulator.SetAction(result =>
        {
            var io = new CliIo(result);
            int workloadCount = result.GetValue(workloads), designCount = result.GetValue(designs);
            if (workloadCount <= 0 || designCount <= 0)
            {
                throw new UsageException($"--workloads and --designs must be positive, got {workloadCount} and {designCount}");
            }

            string which = result.GetValue(space)!.Trim().ToLowerInvariant();
            if (which is not ("all" or "systolic" or "maestro"))
            {
                throw new UsageException($"--space '{result.GetValue(space)}' is not allowed; allowed: systolic, maestro, all");
            }

            bool asJson = result.GetValue(json);
            Action<string>? progress = asJson ? null : message => io.Error.WriteLine($"bench: {message}");
            SimulatorBenchmarkResult? systolic = which is "all" or "systolic"
                ? new SimulatorBenchmark(workloadCount, designCount, result.GetValue(seed)).Run(progress)
                : null;
            MaestroSimulatorBenchmarkResult? maestro = which is "all" or "maestro"
                ? new MaestroSimulatorBenchmark(workloadCount, designCount, result.GetValue(seed)).Run(progress)
                : null;
            if (asJson)
            {
                io.WriteJson(new JsonObject { ["systolic"] = systolic is null ? null : Json(systolic), ["maestro"] = maestro is null ? null : Json(maestro) });
            }
            else
            {
                if (systolic is not null)
                {
                    Write(io, systolic);
                }

                if (maestro is not null)
                {
                    Write(io, maestro);
                }
            }

            return (systolic?.Agree ?? true) && (maestro?.Agree ?? true) ? ExitCodes.Success : ExitCodes.Failure;
        });
        command.Subcommands.Add(simulator);
        command.Subcommands.Add(FidelityCommand.Build());
        command.Subcommands.Add(TransferCommand.Build());
        return command;
    }

    private static JsonArray Rounded(IEnumerable<double> values) =>
        new(values.Select(v => (JsonNode)JsonValue.Create(Math.Round(v, 2))!).ToArray());

    private static JsonObject Json(SimulatorBenchmarkResult r) => new()
    {
        ["batched_evaluations_per_second"] = Math.Round(r.BatchedPerSecond),
        ["batched_warm_evaluations_per_second"] = Math.Round(r.BatchedWarmPerSecond),
        ["bound_evaluations_per_second"] = Math.Round(r.BoundPerSecond),
        ["scalar_evaluations_per_second"] = Math.Round(r.ScalarPerSecond),
        ["speedup"] = Math.Round(r.Speedup, 2),
        ["batched_evaluations"] = r.BatchedEvaluations,
        ["scalar_evaluations"] = r.ScalarEvaluations,
        ["implementations_agree"] = r.Agree,
        ["optimum_space_size"] = r.OptimumSpaceSize,
        ["optimum_fixed_query_median_ms"] = Math.Round(r.FixedQueryMedianMilliseconds, 2),
        ["optimum_fixed_query_runs_ms"] = Rounded(r.FixedQueryMilliseconds),
        ["optimum_drawn_queries_median_ms"] = Math.Round(r.RandomQueryMedianMilliseconds, 2),
        ["optimum_drawn_queries_max_ms"] = Math.Round(r.RandomQueryMaxMilliseconds, 2),
        ["optimum_drawn_queries_ms"] = Rounded(r.RandomQueryMilliseconds),
        ["optimum_designs_settled_per_second"] = Math.Round(r.OptimumDesignsPerSecond),
        ["torch_threads"] = r.TorchThreads,
    };

    private static JsonObject Json(MaestroSimulatorBenchmarkResult r) => new()
    {
        ["batched_evaluations_per_second"] = Math.Round(r.BatchedPerSecond),
        ["batched_cpu_us_per_evaluation"] = Math.Round(r.CpuMicrosecondsPerEvaluation, 2),
        ["one_thread_us_per_evaluation"] = Math.Round(r.OneThreadMicrosecondsPerEvaluation, 2),
        ["one_thread_row_analysis_us_per_evaluation"] = Math.Round(r.RowMicrosecondsPerEvaluation, 2),
        ["batched_cold_evaluations_per_second"] = Math.Round(r.ColdBatchedPerSecond),
        ["scalar_evaluations_per_second"] = Math.Round(r.ScalarPerSecond),
        ["speedup"] = Math.Round(r.Speedup, 2),
        ["batched_evaluations"] = r.BatchedEvaluations,
        ["scalar_evaluations"] = r.ScalarEvaluations,
        ["scalar_disagreements"] = r.ScalarDisagreements,
        ["implementations_agree"] = r.Agree,
        ["optimum_space_size"] = r.OptimumSpaceSize,
        ["optimum_median_ms"] = Math.Round(r.OptimumMedianMilliseconds, 2),
        ["optimum_max_ms"] = Math.Round(r.OptimumMaxMilliseconds, 2),
        ["optimum_ms"] = Rounded(r.OptimumMilliseconds),
        ["optimum_cold_ms"] = Math.Round(r.ColdOptimumMilliseconds, 2),
        ["warm_up_seconds"] = MaestroSimulatorBenchmark.WarmUpSeconds,
        ["threads"] = r.Threads,
    };

    private static void Write(CliIo io, MaestroSimulatorBenchmarkResult r)
    {
        var table = new Table().Title("maestro model (MAESTRO's analysis)").AddColumn("measure").AddColumn(new TableColumn("value").RightAligned());
        table.AddRow($"batched evaluations / s (design x layer), median of {MaestroSimulatorBenchmark.BatchedRuns} calls after a {MaestroSimulatorBenchmark.WarmUpSeconds:F0} s warm-up", $"{r.BatchedPerSecond:N0}");
        table.AddRow("  CPU time per evaluation, all threads (mean of the timed calls)", $"{r.CpuMicrosecondsPerEvaluation:F2} µs");
        table.AddRow($"  on one thread, time per evaluation (mean of {MaestroSimulatorBenchmark.RowTimedRuns} calls)", $"{r.OneThreadMicrosecondsPerEvaluation:F2} µs");
        table.AddRow("    of it in the per-row analysis (compiled kernel and metrics)", $"{r.RowMicrosecondsPerEvaluation:F2} µs");
        table.AddRow("  the process's first call (cold: unoptimised code)", $"{r.ColdBatchedPerSecond:N0}");
        table.AddRow("scalar reference evaluations / s", $"{r.ScalarPerSecond:N0}");
        table.AddRow("batched / scalar", $"{r.Speedup:F1}x");
        table.AddRow($"implementations agree ({r.ScalarEvaluations:N0} pairs: runtime, MACs, L1, L2)", r.Agree ? "yes" : $"[red]NO ({r.ScalarDisagreements} differ)[/]");
        table.AddRow($"exact optimum, {r.OptimumSpaceSize} designs (AIrchitect v2): median / max of {r.OptimumMilliseconds.Count} layers after the warm-up", $"{r.OptimumMedianMilliseconds:F1} / {r.OptimumMaxMilliseconds:F1} ms");
        table.AddRow("  the first optimum, before its warm-up", $"{r.ColdOptimumMilliseconds:F1} ms");
        table.AddRow("threads", r.Threads.ToString(System.Globalization.CultureInfo.InvariantCulture));
        io.Console.Write(table);
    }

    private static void Write(CliIo io, SimulatorBenchmarkResult r)
    {
        var table = new Table().Title("systolic model (SCALE-Sim v2's)").AddColumn("measure").AddColumn(new TableColumn("value").RightAligned());
        table.AddRow("batched evaluations / s (fresh model)", $"{r.BatchedPerSecond:N0}");
        table.AddRow("  the same pairs again (walks remembered)", $"{r.BatchedWarmPerSecond:N0}");
        table.AddRow("closed-form lower bounds / s (what the optimum prunes with)", $"{r.BoundPerSecond:N0}");
        table.AddRow("scalar evaluations / s", $"{r.ScalarPerSecond:N0}");
        table.AddRow("batched (fresh) / scalar", $"{r.Speedup:F1}x");
        table.AddRow("implementations agree (total_cycles)", r.Agree ? "yes" : "[red]NO[/]");
        table.AddRow($"exact optimum, {r.OptimumSpaceSize:N0} designs: 1024³ query (median of {r.FixedQueryMilliseconds.Count})", $"{r.FixedQueryMedianMilliseconds:F1} ms");
        table.AddRow($"  {r.RandomQueryMilliseconds.Count} queries drawn like the training data: median / max", $"{r.RandomQueryMedianMilliseconds:F1} / {r.RandomQueryMaxMilliseconds:F1} ms");
        table.AddRow("  designs settled per second by the median drawn query", $"{r.OptimumDesignsPerSecond:N0}");
        table.AddRow("torch threads", r.TorchThreads.ToString(System.Globalization.CultureInfo.InvariantCulture));
        io.Console.Write(table);
    }
}
