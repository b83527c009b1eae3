using System.CommandLine;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Gandse.Conditions;
using Gandse.CostModels;
using Gandse.CostModels.Systolic;
using Gandse.Io;
using Gandse.Simulators;
using Gandse.Simulators.ScaleSim;
using Gandse.Spaces;
using Gandse.Tasks;
using Gandse.Workloads;
using Spectre.Console;

namespace Gandse.Cli.Commands;

/// <summary><c>gandse evaluate</c>: one design on one workload, or every row of a CSV file in one batch.</summary>
public static class EvaluateCommand
{
    public static Command Build()
    {
        var command = new Command(
            "evaluate",
            "Evaluate designs with a cost model: Gandse's (default), or the real SCALE-Sim v2 (--simulator scalesim). Either --workload and --design for one design, or --input for a CSV of many.\n"
            + "Examples:\n"
            + "  gandse evaluate --workload gemm:M=33,N=20,K=17 --design rows=8,cols=8,dataflow=os\n"
            + "  gandse evaluate --input designs.csv --output results.csv\n"
            + "  gandse evaluate -w network:resnet50 -d rows=64,cols=64,ifmap_sram_kb=256 --json\n"
            + "  gandse evaluate -w gemm:M=33,N=20,K=17 -d rows=8,cols=8 --simulator scalesim --scalesim ../shared/third_party/scale-sim-v2");
        Option<string?> workload = CommonOptions.Workload(required: false);
        var design = new Option<string?>("--design", "-d")
        {
            Description = "Design as name=value pairs, e.g. rows=8,cols=8,dataflow=os; parameters left out take the space's defaults (see 'gandse space show'). Any positive size is evaluated, not only the space's choices.",
            HelpName = "k=v,…",
        };
        var layerDataflows = new Option<string?>("--layer-dataflows")
        {
            Description = "Network workloads: each layer's dataflow in order, e.g. os,ws,ws,… (default: each layer's best on the design's hardware; dataflow= in --design sets every layer's).",
            HelpName = "os|ws|is,…",
        };
        var input = new Option<string?>("--input", "-i") { Description = "CSV ('-': standard input) with columns M,N,K (or conv fields), design parameters and the space's environment fields (dram_bw).", HelpName = "file" };
        var output = new Option<string?>("--output", "-o") { Description = "Where to write the results CSV of --input (default, or '-': standard output); checked before any work.", HelpName = "file" };
        var conditions = new ConditionOptions(roles: FieldRole.Environment);
        Option<string> space = CommonOptions.Space();
        Option<string?> memory = CommonOptions.MemoryModel();
        var simulator = new Option<string>("--simulator")
        {
            Description = "gandse: Gandse's cost model; scalesim: run SCALE-Sim v2 itself on every design (GEMMs in its GEMM mode, conv layers in its conv mode), cached and in parallel.",
            DefaultValueFactory = _ => "gandse",
            HelpName = "gandse|scalesim",
        };
        Option<string?> scalesim = ScaleSimOptions.ScaleSimFolder();
        Option<double> timeout = CommonOptions.SimulatorTimeout();
        Option<string> simulatorCache = CommonOptions.SimulatorCache();
        Option<bool> json = CommonOptions.Json();
        foreach (Option option in new Option[] { workload, design, layerDataflows, input, output }.Concat(conditions.All).Concat(new Option[] { space, memory, simulator, scalesim, timeout, simulatorCache, json }))
        {
            command.Options.Add(option);
        }

        command.SetAction(result =>
        {
            var io = new CliIo(result);
            if (result.GetValue(output) is not null && result.GetValue(input) is null)
            {
                throw new UsageException("--output writes the results CSV of --input; for one design leave it out (or add --json)");
            }

            string? outputPath = CliPaths.Output(result.GetValue(output), "--output");
            SpaceEntry entry = SpaceCatalog.Get(result.GetValue(space)!);
            ICostModel model = entry.CostModel(result.GetValue(memory));
            SimulatorRunner<ScaleSimCase>? runner = result.GetValue(simulator)!.Trim().ToLowerInvariant() switch
            {
                "gandse" => null,
                "scalesim" when entry.Space.Name == SystolicSpace.Name => ScaleSimOptions.ScaleSimRunner(result, scalesim, timeout, simulatorCache),
                "scalesim" => throw new UsageException($"--simulator scalesim evaluates the {SystolicSpace.Name} space, not {entry.Space.Name}"),
                string other => throw new UsageException($"--simulator '{other}' is not allowed; allowed: gandse, scalesim"),
            };
            // A design's metrics depend on its environment (the DRAM bandwidth), not on budgets or targets.
            ConditionSchema environment = entry.Conditions.Where(f => f.Role == FieldRole.Environment);
            IReadOnlyDictionary<string, double> given = conditions.Given(result, environment, $"evaluate on the {entry.Name} space");
            Dictionary<string, double> environmentValues = environment.Fields.ToDictionary(f => f.Name, f => given.TryGetValue(f.Name, out double v) ? v : f.Default!.Value);
            double dramBandwidth = environmentValues[SystolicConditions.DramBandwidth];
            string? inputPath = result.GetValue(input);
            if (inputPath is not null)
            {
                if (result.GetValue(workload) is not null || result.GetValue(design) is not null)
                {
                    throw new UsageException("--input evaluates a CSV; leave out --workload and --design (put them in the CSV's columns)");
                }

                return EvaluateCsv(io, model, entry, inputPath, outputPath, environment, environmentValues, runner);
            }

            string workloadSpec = result.GetValue(workload)
                ?? throw new UsageException("give --workload (with --design) or --input; see 'gandse evaluate --help'");
            Workload parsed = CommonOptions.ParseWorkload(workloadSpec);
            if (parsed is Network network)
            {
                if (runner is not null)
                {
                    throw new UsageException("--simulator scalesim runs one GEMM or conv layer; to check a network design in SCALE-Sim use 'gandse generate … --verify-with scalesim'");
                }

                return EvaluateNetwork.Run(io, model, entry, network, result.GetValue(design), result.GetValue(layerDataflows), dramBandwidth, result.GetValue(json));
            }

            if (result.GetValue(layerDataflows) is not null)
            {
                throw new UsageException($"--layer-dataflows is for network workloads; {parsed.Spec} is one layer (use dataflow= in --design)");
            }

            return EvaluateOne(io, model, entry, parsed, result.GetValue(design), environment, environmentValues, result.GetValue(json), runner);
        });
        return command;
    }

    private static int EvaluateOne(
        CliIo io, ICostModel model, SpaceEntry entry, Workload workload, string? designText, ConditionSchema environment, IReadOnlyDictionary<string, double> environmentValues, bool json, SimulatorRunner<ScaleSimCase>? runner)
    {
        DesignSpace space = model.Space;
        var tokens = designText is null
            ? new Dictionary<string, string>()
            : KeyValueList.Parse(designText, "--design").ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);
        Dictionary<string, double> design = space.ParseValues(tokens, entry.Defaults);
        var condition = new Condition(workload, environmentValues);
        IReadOnlyDictionary<string, double> metrics = runner is null
            ? model.EvaluateOne(design, condition.Values())
            : runner.Run(new[] { new ScaleSimCase(SystolicHardware.FromValues(design), SingleLayer(workload), (long)environmentValues[SystolicConditions.DramBandwidth]) })[0];
        Gemm gemm = workload.Gemms[0];

        if (json)
        {
            var node = new JsonObject
            {
                ["workload"] = new JsonObject { ["spec"] = workload.Spec, ["M"] = gemm.M, ["N"] = gemm.N, ["K"] = gemm.K },
                ["design"] = DesignJson(space, design),
            };
            foreach (ConditionField field in environment.Fields)
            {
                node[field.Name] = CliIo.JsonNumber(environmentValues[field.Name]);
            }

            node["metrics"] = MetricsJson(model, metrics);
            io.WriteJson(node);
            return ExitCodes.Success;
        }

        io.Output.WriteLine($"workload  {workload.Spec}  (GEMM M={gemm.M}, N={gemm.N}, K={gemm.K})");
        io.Output.WriteLine($"design    {string.Join(",", design.Select(p => $"{p.Key}={space.FormatValue(p.Key, p.Value)}"))}");
        foreach (ConditionField field in environment.Fields)
        {
            io.Output.WriteLine($"{field.Name,-9} {CliIo.Number(environmentValues[field.Name])} {field.Unit}");
        }

        io.Output.WriteLine($"model     {(runner is null ? $"gandse ({model.Space.Name})" : $"SCALE-Sim v2 ({runner.CacheHits} cached, {runner.Runs} run)")}");
        io.Console.Write(MetricsTable(model, metrics));
        return ExitCodes.Success;
    }

    private static int EvaluateCsv(CliIo io, ICostModel model, SpaceEntry entry, string inputPath, string? outputPath, ConditionSchema environment, IReadOnlyDictionary<string, double> environmentValues, SimulatorRunner<ScaleSimCase>? runner)
    {
        if (runner is not null)
        {
            return SimulateCsv(io, model, entry, inputPath, outputPath, environment, environmentValues, runner);
        }

        // Torch's one-time start-up (library load, thread pools, first-call dispatch) is timed apart from the work.
        var startup = Stopwatch.StartNew();
        model.EvaluateOne(
            model.Space.ParseValues(new Dictionary<string, string>(), entry.Defaults),
            new Dictionary<string, double>(environmentValues) { [GemmFields.M] = 1, [GemmFields.N] = 1, [GemmFields.K] = 1 });
        startup.Stop();

        var stopwatch = Stopwatch.StartNew();
        EvaluationCsv table = EvaluationCsv.Read(inputPath, model.Space, entry.Defaults, environment, environmentValues);
        TimeSpan read = stopwatch.Elapsed;
        Dictionary<string, double[]> metrics = table.Rows.Count == 0
            ? model.MetricNames.ToDictionary(name => name, _ => Array.Empty<double>())
            : model.EvaluateColumns(table.DesignColumns, table.ConditionColumns);
        TimeSpan evaluated = stopwatch.Elapsed;
        if (outputPath is null)
        {
            table.Write(io.Output, model.MetricNames, metrics);
            return ExitCodes.Success;
        }

        AtomicFile.Write(outputPath, writer => table.Write(writer, model.MetricNames, metrics));
        io.Error.WriteLine(
            $"evaluated {table.Rows.Count} rows in {stopwatch.Elapsed.TotalMilliseconds:F0} ms after {startup.Elapsed.TotalMilliseconds:F0} ms of torch start-up (read {read.TotalMilliseconds:F0}, "
            + $"evaluate {(evaluated - read).TotalMilliseconds:F0}, write {(stopwatch.Elapsed - evaluated).TotalMilliseconds:F0}) → {outputPath}");
        return ExitCodes.Success;
    }

    private static int SimulateCsv(CliIo io, ICostModel model, SpaceEntry entry, string inputPath, string? outputPath, ConditionSchema environment, IReadOnlyDictionary<string, double> environmentValues, SimulatorRunner<ScaleSimCase> runner)
    {
        var stopwatch = Stopwatch.StartNew();
        EvaluationCsv table = EvaluationCsv.Read(inputPath, model.Space, entry.Defaults, environment, environmentValues);
        var cases = new List<ScaleSimCase>(table.Rows.Count);
        for (int i = 0; i < table.Rows.Count; i++)
        {
            var values = table.DesignColumns.ToDictionary(c => c.Key, c => c.Value[i]);
            cases.Add(new ScaleSimCase(SystolicHardware.FromValues(values), table.Workloads[i], (long)table.ConditionColumns[SystolicConditions.DramBandwidth][i]));
        }

        IReadOnlyList<IReadOnlyDictionary<string, double>> results = runner.Run(cases, (done, total) =>
        {
            if (total > 0)
            {
                io.Error.WriteLine($"scalesim: {done}/{total} runs ({stopwatch.Elapsed.TotalSeconds:F0} s)");
            }
        });
        Dictionary<string, double[]> metrics = model.MetricNames.ToDictionary(name => name, name => results.Select(r => r[name]).ToArray());
        if (outputPath is null)
        {
            table.Write(io.Output, model.MetricNames, metrics);
        }
        else
        {
            AtomicFile.Write(outputPath, writer => table.Write(writer, model.MetricNames, metrics));
        }

        io.Error.WriteLine($"simulated {table.Rows.Count} rows with SCALE-Sim v2 in {stopwatch.Elapsed.TotalSeconds:F1} s ({runner.Runs} runs, {runner.CacheHits} from the cache){(outputPath is null ? string.Empty : $" → {outputPath}")}");
        return ExitCodes.Success;
    }

    /// <summary>The one GEMM or conv layer SCALE-Sim runs; a network has many.</summary>
    private static Workload SingleLayer(Workload workload) => workload is Gemm or ConvLayer
        ? workload
        : throw new UsageException($"--simulator scalesim evaluates one GEMM or conv layer, not {workload.Spec}");

    public static JsonObject DesignJson(DesignSpace space, IReadOnlyDictionary<string, double> design)
    {
        var node = new JsonObject();
        foreach (Parameter parameter in space.Parameters)
        {
            double value = design[parameter.Name];
            node[parameter.Name] = parameter is CategoricalParameter ? JsonValue.Create(space.FormatValue(parameter.Name, value)) : CliIo.JsonNumber(value);
        }

        return node;
    }

    public static JsonObject MetricsJson(ICostModel model, IReadOnlyDictionary<string, double> metrics)
    {
        var node = new JsonObject();
        foreach (string name in model.MetricNames)
        {
            node[name] = CliIo.JsonNumber(metrics[name]);
        }

        return node;
    }

    public static Table MetricsTable(ICostModel model, IReadOnlyDictionary<string, double> metrics)
    {
        var table = new Table().AddColumn("metric").AddColumn(new TableColumn("value").RightAligned());
        foreach (string name in model.MetricNames)
        {
            double value = metrics[name];
            table.AddRow(name, FormatMetric(value));
        }

        return table;
    }

    private static string FormatMetric(double value)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        if (value == Math.Floor(value) && Math.Abs(value) < 1e15)
        {
            return value.ToString("N0", invariant);
        }

        return Math.Abs(value) >= 1000 ? value.ToString("N1", invariant) : value.ToString("G6", invariant);
    }
}
