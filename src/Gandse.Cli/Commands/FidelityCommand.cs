using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Gandse.Bench;
using Gandse.Io;
using Spectre.Console;

namespace Gandse.Cli.Commands;

/// <summary><c>gandse bench fidelity</c>: Gandse's models against the real simulators (SCALE-Sim v2, MAESTRO) on the same cases.</summary>
public static class FidelityCommand
{
    public static Command Build()
    {
        var command = new Command(
            "fidelity",
            "Run the same layer x design x bandwidth cases through Gandse's fast model, its exact emulator and the real SCALE-Sim v2, and report how far apart they are: "
            + "the ratio of each metric, the rank correlation of total_cycles, and per group (same layer and bandwidth) whether the fastest design agrees.\n"
            + "Cases are drawn (real layers; arrays 4x4 to 256x256; SRAM 1 KB to 2 MB; bandwidth 1 to 64) or read from --input. SCALE-Sim's results are cached, so a repeated run costs nothing.\n"
            + "With --simulator maestro: the maestro model against the real MAESTRO on drawn cases (the three templates, 1 to 256 PEs, tiles 1 to 12, strides, "
            + "constrained NoC and off-chip bandwidths, small L1/L2 limits), metric by metric, every differing runtime listed.\n"
            + "Examples:\n  gandse bench fidelity --simulator scalesim --scalesim ../shared/third_party/scale-sim-v2 --cases 360 --csv fidelity.csv\n"
            + "  gandse bench fidelity --simulator maestro --maestro .cache/maestro/maestro --cases 400");
        var simulator = new Option<string>("--simulator") { Description = "The real simulator to compare with.", DefaultValueFactory = _ => "scalesim", HelpName = "scalesim|maestro" };
        var cases = new Option<int>("--cases") { Description = "Cases to draw, in groups of --designs-per-group designs on one layer and bandwidth.", DefaultValueFactory = _ => 120 };
        var perGroup = new Option<int>("--designs-per-group") { Description = "Designs per group (same layer and bandwidth).", DefaultValueFactory = _ => 6 };
        var seed = new Option<int>("--seed") { Description = "Seed of the drawn cases.", DefaultValueFactory = _ => 0 };
        var input = new Option<string?>("--input", "-i") { Description = "Cases from a CSV instead (columns of 'gandse evaluate --input', and optionally group).", HelpName = "file" };
        var csv = new Option<string?>("--csv") { Description = "Write every case with the three results to this CSV.", HelpName = "file" };
        var layers = new Option<string?>("--layers")
        {
            Description = $"Draw only layers from these sources, comma-separated: {string.Join(", ", RealLayers.All.Select(l => l.Source).Distinct())} (default: all).",
            HelpName = "a,b,…",
        };
        Option<string?> scalesim = ScaleSimOptions.ScaleSimFolder();
        Option<string?> maestro = MaestroOptions.MaestroBinary();
        Option<double> timeout = CommonOptions.SimulatorTimeout();
        Option<string> cache = CommonOptions.SimulatorCache();
        Option<bool> json = CommonOptions.Json();
        foreach (Option option in new Option[] { simulator, cases, perGroup, seed, input, csv, layers, scalesim, maestro, timeout, cache, json })
        {
            command.Options.Add(option);
        }

        command.SetAction(result =>
        {
            var io = new CliIo(result);
            string which = result.GetValue(simulator)!.Trim().ToLowerInvariant();
            if (which is not ("scalesim" or "maestro"))
            {
                throw new UsageException($"--simulator '{result.GetValue(simulator)}' is not allowed; allowed: scalesim, maestro");
            }

            if (which == "maestro")
            {
                return Maestro(io, result, cases, seed, input, csv, layers, maestro, timeout, cache, json);
            }

            int caseCount = result.GetValue(cases), designs = result.GetValue(perGroup);
            if (caseCount < 2 || designs < 2)
            {
                throw new UsageException($"--cases and --designs-per-group must be at least 2, got {caseCount} and {designs}");
            }

            string? csvPath = result.GetValue(csv);
            if (csvPath is not null)
            {
                CliPaths.CheckWritable(csvPath, "--csv");
            }

            var runner = ScaleSimOptions.ScaleSimRunner(result, scalesim, timeout, cache);
            int seedValue = result.GetValue(seed);
            List<FidelityCase> drawn = result.GetValue(input) is string path
                ? FidelityCsv.Read(path)
                : FidelityCases.Draw((caseCount + designs - 1) / designs, designs, seedValue, result.GetValue(layers)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
            var started = DateTime.UtcNow;
            string origin = result.GetValue(input) is string file ? $"from {file}" : $"seed {seedValue}";
            FidelityResult measured = FidelityBenchmark.Run(drawn, runner, origin, (done, total) =>
            {
                if (total > 0 && (done == 0 || done == total || done % 10 == 0))
                {
                    io.Error.WriteLine($"bench: scalesim {done}/{total} runs ({(DateTime.UtcNow - started).TotalSeconds:F0} s)");
                }
            });
            if (csvPath is not null)
            {
                AtomicFile.Write(csvPath, writer => FidelityCsv.Write(writer, measured));
            }

            if (result.GetValue(json))
            {
                io.WriteJson(Json(measured));
            }
            else
            {
                Write(io, measured);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static int Maestro(
        CliIo io, System.CommandLine.ParseResult result, Option<int> cases, Option<int> seed, Option<string?> input, Option<string?> csv, Option<string?> layers,
        Option<string?> maestro, Option<double> timeout, Option<string> cache, Option<bool> json)
    {
        foreach (Option unused in new Option[] { input, csv, layers })
        {
            if (result.GetResult(unused) is { Implicit: false })
            {
                throw new UsageException($"{unused.Name} is for --simulator scalesim; with maestro the cases are drawn (--cases, --seed), and 'gandse evaluate --space maestro --input FILE --simulator maestro' runs your own");
            }
        }

        int count = result.GetValue(cases);
        if (count < 1)
        {
            throw new UsageException($"--cases must be at least 1, got {count}");
        }

        var runner = MaestroOptions.MaestroRunner(result, maestro, timeout, cache);
        int seedValue = result.GetValue(seed);
        var started = DateTime.UtcNow;
        MaestroFidelityResult measured = MaestroFidelityBenchmark.Run(MaestroFidelityCases.DrawRows(count, seedValue), runner, $"seed {seedValue}", (done, total) =>
        {
            if (total > 0 && (done == 0 || done == total || done % 50 == 0))
            {
                io.Error.WriteLine($"bench: maestro {done}/{total} runs ({(DateTime.UtcNow - started).TotalSeconds:F0} s)");
            }
        });
        if (result.GetValue(json))
        {
            io.WriteJson(MaestroFidelityOutput.Json(measured));
        }
        else
        {
            MaestroFidelityOutput.Write(io, measured);
        }

        return ExitCodes.Success;
    }

    private static void Write(CliIo io, FidelityResult r)
    {
        int groups = r.FastGroups.Count;
        io.Output.WriteLine($"{r.Rows.Count} cases in {groups} groups ({r.Origin}); SCALE-Sim v2: {r.SimulatorRuns} runs, {r.SimulatorCacheHits} from the cache");
        foreach ((string name, IReadOnlyList<RatioSummary> ratios, IReadOnlyList<GroupAgreement> agreement) in new[] { ("fast model (default)", r.Fast, r.FastGroups), ("exact emulator (--memory exact)", r.Exact, r.ExactGroups) })
        {
            var table = new Table().Title($"{name} / SCALE-Sim").AddColumn("metric");
            foreach (string column in new[] { "median", "p10", "p90", "within ±10 %", "equal" })
            {
                table.AddColumn(new TableColumn(column).RightAligned());
            }

            foreach (RatioSummary s in ratios)
            {
                table.AddRow(s.Metric, F(s.Median), F(s.P10), F(s.P90), P(s.WithinTenPercent), P(s.Exact));
            }

            io.Console.Write(table);
            io.Output.WriteLine(
                $"  fastest design agrees in {agreement.Count(g => g.Agrees)} of {groups} groups ({P(agreement.Count(g => g.Agrees) / (double)groups)}); "
                + $"SCALE-Sim cycles of the pick over its best: geometric mean {F(Math.Exp(agreement.Average(g => Math.Log(g.Regret))))}, worst {F(agreement.Max(g => g.Regret))}");
        }

        io.Output.WriteLine($"Spearman rank correlation of total_cycles, fast model vs SCALE-Sim: {r.FastSpearman:F4}");
        io.Output.WriteLine(
            $"time per evaluation (median): fast model {Median(r.Rows.Select(x => x.FastSeconds)) * 1e6:F1} µs, exact emulator {Median(r.Rows.Select(x => x.ExactSeconds)) * 1e3:F2} ms, "
            + $"SCALE-Sim {Median(r.Rows.Select(x => x.SimulatorSeconds).Where(double.IsFinite)):F2} s per run");
    }

    private static JsonObject Json(FidelityResult r)
    {
        JsonArray Ratios(IReadOnlyList<RatioSummary> ratios) => new(ratios.Select(s => (JsonNode)new JsonObject
        {
            ["metric"] = s.Metric, ["median"] = s.Median, ["p10"] = s.P10, ["p90"] = CliIo.JsonNumber(s.P90),
            ["within_10_percent"] = s.WithinTenPercent, ["equal"] = s.Exact,
        }).ToArray());
        JsonObject Groups(IReadOnlyList<GroupAgreement> groups) => new()
        {
            ["groups"] = groups.Count,
            ["fastest_agrees"] = groups.Count(g => g.Agrees),
            ["regret_geomean"] = Math.Exp(groups.Average(g => Math.Log(g.Regret))),
            ["regret_worst"] = groups.Max(g => g.Regret),
        };
        return new JsonObject
        {
            ["simulator"] = r.Simulator,
            ["cases"] = r.Rows.Count,
            ["cases_from"] = r.Origin,
            ["simulator_runs"] = r.SimulatorRuns,
            ["simulator_cache_hits"] = r.SimulatorCacheHits,
            ["fast"] = new JsonObject { ["ratios"] = Ratios(r.Fast), ["ranking"] = Groups(r.FastGroups) },
            ["exact"] = new JsonObject { ["ratios"] = Ratios(r.Exact), ["ranking"] = Groups(r.ExactGroups) },
            ["spearman_total_cycles_fast"] = r.FastSpearman,
            ["seconds_per_evaluation_median"] = new JsonObject
            {
                ["fast"] = Median(r.Rows.Select(x => x.FastSeconds)),
                ["exact"] = Median(r.Rows.Select(x => x.ExactSeconds)),
                [r.Simulator] = Median(r.Rows.Select(x => x.SimulatorSeconds).Where(double.IsFinite)),
            },
        };
    }

    private static double Median(IEnumerable<double> values)
    {
        double[] sorted = values.OrderBy(x => x).ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[sorted.Length / 2];
    }

    private static string F(double value) => double.IsFinite(value) ? value.ToString("0.000", CultureInfo.InvariantCulture) : "inf";

    private static string P(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";
}
