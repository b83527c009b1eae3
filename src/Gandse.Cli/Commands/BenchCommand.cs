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
            + "their ratio, and the time of one exact optimum over the full systolic space.\nExample:\n  gandse bench simulator --json");
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
        return command;
    }

    private static void Write(CliIo io, SimulatorBenchmarkResult r, bool json)
    {
        if (json)
        {
            io.WriteJson(new JsonObject
            {
                ["batched_evaluations_per_second"] = Math.Round(r.BatchedPerSecond),
                ["scalar_evaluations_per_second"] = Math.Round(r.ScalarPerSecond),
                ["speedup"] = Math.Round(r.Speedup, 2),
                ["batched_evaluations"] = r.BatchedEvaluations,
                ["scalar_evaluations"] = r.ScalarEvaluations,
                ["implementations_agree"] = r.Agree,
                ["optimum_space_size"] = r.OptimumSpaceSize,
                ["optimum_median_ms"] = Math.Round(r.OptimumMedianMilliseconds, 2),
                ["optimum_designs_per_second"] = Math.Round(r.OptimumDesignsPerSecond),
                ["optimum_runs_ms"] = new JsonArray(r.OptimumMilliseconds.Select(t => (JsonNode)JsonValue.Create(Math.Round(t, 2))).ToArray()),
                ["torch_threads"] = r.TorchThreads,
            });
            return;
        }

        var table = new Table().AddColumn("measure").AddColumn(new TableColumn("value").RightAligned());
        table.AddRow("batched evaluations / s", $"{r.BatchedPerSecond:N0}");
        table.AddRow("scalar evaluations / s", $"{r.ScalarPerSecond:N0}");
        table.AddRow("batched / scalar", $"{r.Speedup:F1}x");
        table.AddRow("implementations agree (total_cycles)", r.Agree ? "yes" : "[red]NO[/]");
        table.AddRow($"exact optimum, {r.OptimumSpaceSize:N0} designs (median of {r.OptimumMilliseconds.Count})", $"{r.OptimumMedianMilliseconds:F1} ms");
        table.AddRow("  designs searched / s", $"{r.OptimumDesignsPerSecond:N0}");
        table.AddRow("torch threads", r.TorchThreads.ToString(System.Globalization.CultureInfo.InvariantCulture));
        io.Console.Write(table);
    }
}
