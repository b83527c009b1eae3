using System.CommandLine;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Gandse.Conditions;
using Gandse.CostModels;
using Gandse.CostModels.Systolic;
using Gandse.Io;
using Gandse.Simulators;
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
            "Evaluate designs with a cost model: Gandse's (default), or the space's real simulator (--simulator scalesim for systolic, maestro for maestro). Either --workload and --design for one design, or --input for a CSV of many.\n"
            + "Examples:\n"
            + "  gandse evaluate --workload gemm:M=33,N=20,K=17 --design rows=8,cols=8,dataflow=os\n"
            + "  gandse evaluate --input designs.csv --output results.csv\n"
            + "  gandse evaluate -w network:resnet50 -d rows=64,cols=64,ifmap_sram_kb=256 --json\n"
            + "  gandse evaluate -w gemm:M=33,N=20,K=17 -d rows=8,cols=8 --simulator scalesim --scalesim ../shared/third_party/scale-sim-v2\n"
            + "  gandse evaluate --space maestro -w conv:K=64,C=32,Y=16,X=16,R=3,S=3 -d dataflow=dla,num_pe=64,KTileSz=4\n"
            + "  gandse evaluate --space maestro --input layers.csv   (columns K,C,Y,X,R,S,stride,dataflow,num_pe,KTileSz,CTileSz,ClusterSz,noc_bw,…)\n"
            + "  gandse evaluate --space maestro -w conv:K=64,C=32,Y=16,X=16,R=3,S=3 -d num_pe=8,KTileSz=4 --simulator maestro --maestro .cache/maestro/maestro");
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
        var input = new Option<string?>("--input", "-i") { Description = "CSV ('-': standard input) with columns M,N,K (or conv fields: H,W,C,R,S,filters,stride,padding, or MAESTRO's K,C,Y,X,R,S,stride), design parameters and the space's environment fields (dram_bw; noc_bw, offchip_bw, l1_size_cstr, …).", HelpName = "file" };
        var output = new Option<string?>("--output", "-o") { Description = "Where to write the results CSV of --input (default, or '-': standard output); checked before any work.", HelpName = "file" };
        var conditions = new ConditionOptions(roles: FieldRole.Environment);
        Option<string> space = CommonOptions.Space();
        Option<string?> memory = CommonOptions.MemoryModel();
        var simulators = new SimulatorOptions(
            "scalesim: run SCALE-Sim v2 itself on every design (GEMMs in its GEMM mode, conv layers in its conv mode); maestro: run MAESTRO itself (a mapping file per design); cached and in parallel.");
        Option<bool> json = CommonOptions.Json();
        foreach (Option option in new Option[] { workload, design, layerDataflows, input, output }.Concat(conditions.All).Concat(new Option[] { space, memory }).Concat(simulators.All).Append(json))
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
            ISpaceSimulator? runner = simulators.Resolve(result, entry);
            // A design's metrics depend on its environment (the DRAM bandwidth, the NoC), not on budgets or targets.
            ConditionSchema environment = entry.Conditions.Where(f => f.Role == FieldRole.Environment);
            IReadOnlyDictionary<string, double> given = conditions.Given(result, environment, $"evaluate on the {entry.Name} space");
            Dictionary<string, double> environmentValues = environment.Fields.ToDictionary(f => f.Name, f => given.TryGetValue(f.Name, out double v) ? v : f.Default!.Value);
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
                    throw new UsageException($"--simulator {runner.Name} runs one layer; to check a network design in SCALE-Sim use 'gandse generate … --verify-with scalesim'");
                }

                if (entry.Space.Name != SystolicSpace.Name)
                {
                    throw new UsageException($"the {entry.Name} space evaluates one layer at a time; give a conv layer or a GEMM, or use --input for many");
                }

                return EvaluateNetwork.Run(io, model, entry, network, result.GetValue(design), result.GetValue(layerDataflows), environmentValues[SystolicConditions.DramBandwidth], result.GetValue(json));
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
        CliIo io, ICostModel model, SpaceEntry entry, Workload workload, string? designText, ConditionSchema environment, IReadOnlyDictionary<string, double> environmentValues, bool json, ISpaceSimulator? runner)
    {
        DesignSpace space = model.Space;
        var tokens = designText is null
            ? new Dictionary<string, string>()
            : KeyValueList.Parse(designText, "--design").ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);
        Dictionary<string, double> design = space.ParseValues(tokens, entry.Defaults);
        var condition = new Condition(workload, environmentValues);
        IReadOnlyDictionary<string, double> layer = condition.Values();
        if (!entry.WorkloadValues.All(layer.ContainsKey))
        {
            throw new UsageException($"workload '{workload.Spec}' has no form the {entry.Name} space reads (a depthwise layer, or one whose filter is larger than its input, has no GEMM)");
        }

        IReadOnlyDictionary<string, double> metrics = runner is null
            ? model.EvaluateOne(design, layer)
            : runner.Evaluate(new[] { new Simulators.SimulatedRow(design, workload, environmentValues) })[0];
        // The layer as the space's model reads it, in the names users know (M, N, K; or MAESTRO's K, C, Y, X, R, S).
        var shown = entry.WorkloadValues.ToDictionary(name => ConvFields.All.Contains(name) ? MaestroName(name) : name, name => layer[name]);
        string? invalid = model is Gandse.CostModels.Maestro.MaestroCostModel maestro && metrics.TryGetValue("valid", out double valid) && valid == 0
            ? maestro.Invalidity(design, layer)
            : null;

        if (json)
        {
            var workloadNode = new JsonObject { ["spec"] = workload.Spec };
            foreach ((string name, double value) in shown)
            {
                workloadNode[name] = CliIo.JsonNumber(value);
            }

            var node = new JsonObject { ["workload"] = workloadNode, ["design"] = DesignJson(space, design) };
            foreach (ConditionField field in environment.Fields)
            {
                node[field.Name] = CliIo.JsonNumber(environmentValues[field.Name]);
            }

            node["metrics"] = MetricsJson(model, metrics);
            if (invalid is not null)
            {
                node["invalid_reason"] = invalid;
            }

            io.WriteJson(node);
            return ExitCodes.Success;
        }

        int width = Math.Max(9, environment.Names.Select(n => n.Length + 1).DefaultIfEmpty(0).Max());
        io.Output.WriteLine($"{"workload".PadRight(width)} {workload.Spec}  ({string.Join(", ", shown.Select(p => $"{p.Key}={CliIo.Number(p.Value)}"))})");
        io.Output.WriteLine($"{"design".PadRight(width)} {string.Join(",", design.Select(p => $"{p.Key}={space.FormatValue(p.Key, p.Value)}"))}");
        foreach (ConditionField field in environment.Fields)
        {
            io.Output.WriteLine($"{field.Name.PadRight(width)} {CliIo.Number(environmentValues[field.Name])} {field.Unit}");
        }

        io.Output.WriteLine($"{"model".PadRight(width)} {(runner is null ? $"gandse ({model.Space.Name})" : $"{runner.Title} ({runner.CacheHits} cached, {runner.Runs} run)")}");
        if (invalid is not null)
        {
            io.Output.WriteLine($"{"invalid".PadRight(width)} {invalid}");
        }

        io.Console.Write(MetricsTable(model, metrics));
        return ExitCodes.Success;
    }

    private static int EvaluateCsv(CliIo io, ICostModel model, SpaceEntry entry, string inputPath, string? outputPath, ConditionSchema environment, IReadOnlyDictionary<string, double> environmentValues, ISpaceSimulator? runner)
    {
        if (runner is not null)
        {
            return SimulateCsv(io, model, entry, inputPath, outputPath, environment, environmentValues, runner);
        }

        // Torch's one-time start-up (library load, thread pools, first-call dispatch) is timed apart from the work.
        var startup = Stopwatch.StartNew();
        model.EvaluateOne(
            model.Space.ParseValues(new Dictionary<string, string>(), entry.Defaults),
            new Dictionary<string, double>(new Condition(new Gemm(1, 1, 1), environmentValues).Values()));
        startup.Stop();

        var stopwatch = Stopwatch.StartNew();
        EvaluationCsv table = EvaluationCsv.Read(inputPath, model.Space, entry.Defaults, environment, environmentValues, workloadValues: entry.WorkloadValues);
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

    private static int SimulateCsv(CliIo io, ICostModel model, SpaceEntry entry, string inputPath, string? outputPath, ConditionSchema environment, IReadOnlyDictionary<string, double> environmentValues, ISpaceSimulator runner)
    {
        var stopwatch = Stopwatch.StartNew();
        EvaluationCsv table = EvaluationCsv.Read(inputPath, model.Space, entry.Defaults, environment, environmentValues, workloadValues: entry.WorkloadValues);
        var rows = new List<Simulators.SimulatedRow>(table.Rows.Count);
        for (int i = 0; i < table.Rows.Count; i++)
        {
            rows.Add(new Simulators.SimulatedRow(
                table.DesignColumns.ToDictionary(c => c.Key, c => c.Value[i]), table.Workloads[i], environment.Names.ToDictionary(n => n, n => table.ConditionColumns[n][i])));
        }

        IReadOnlyList<IReadOnlyDictionary<string, double>> results = runner.Evaluate(rows, (done, total) =>
        {
            if (total > 0)
            {
                io.Error.WriteLine($"{runner.Name}: {done}/{total} runs ({stopwatch.Elapsed.TotalSeconds:F0} s)");
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

        io.Error.WriteLine($"simulated {table.Rows.Count} rows with {runner.Title} in {stopwatch.Elapsed.TotalSeconds:F1} s ({runner.Runs} runs, {runner.CacheHits} from the cache){(outputPath is null ? string.Empty : $" → {outputPath}")}");
        return ExitCodes.Success;
    }

    /// <summary>A MAESTRO-form condition value by MAESTRO's own name (conv_k is K).</summary>
    private static string MaestroName(string field) => field == ConvFields.Stride ? "stride" : field == ConvFields.Depthwise ? "depthwise" : field["conv_".Length..].ToUpperInvariant();

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
