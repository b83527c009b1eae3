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
            "Design x workload evaluations per second of the batched and scalar (reference) systolic cost models on the same seeded inputs, "
            + "their ratio, and the time of exact optima over the full systolic space (one fixed query, and queries drawn like the training data), "
            + "each by a fresh model so no earlier walk is reused.\nExample:\n  gandse bench simulator --json");
        var workloads = new Option<int>("--workloads") { Description = "Random GEMMs per batch.", DefaultValueFactory = _ => 32 };
        var designs = new Option<int>("--designs") { Description = "Random designs per batch.", DefaultValueFactory = _ => 512 };
        var seed = new Option<int>("--seed") { Description = "Seed of the random inputs.", DefaultValueFactory = _ => 0 };
        Option<bool> json = CommonOptions.Json();
        simulator.Options.Add(workloads);
        simulator.Options.Add(designs);
        simulator.Options.Add(seed);
        simulator.Options.Add(json);
        simulator.SetAction(result =>
        {
            var io = new CliIo(result);
            int workloadCount = result.GetValue(workloads), designCount = result.GetValue(designs);
            if (workloadCount <= 0 || designCount <= 0)
            {
                throw new UsageException($"--workloads and --designs must be positive, got {workloadCount} and {designCount}");
            }

            bool asJson = result.GetValue(json);
            SimulatorBenchmarkResult measured = new SimulatorBenchmark(workloadCount, designCount, result.GetValue(seed))
                .Run(asJson ? null : message => io.Error.WriteLine($"bench: {message}"));
            Write(io, measured, asJson);
            return measured.Agree ? ExitCodes.Success : ExitCodes.Failure;
        });
        command.Subcommands.Add(simulator);
        command.Subcommands.Add(FidelityCommand.Build());
        command.Subcommands.Add(TransferCommand.Build());
        return command;
    }

    private static JsonArray Rounded(IEnumerable<double> values) =>
        new(values.Select(v => (JsonNode)JsonValue.Create(Math.Round(v, 2))!).ToArray());

    private static void Write(CliIo io, SimulatorBenchmarkResult r, bool json)
    {
        if (json)
        {
            io.WriteJson(new JsonObject
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
            });
            return;
        }

        var table = new Table().AddColumn("measure").AddColumn(new TableColumn("value").RightAligned());
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
