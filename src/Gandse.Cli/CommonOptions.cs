using System.CommandLine;
using System.Globalization;
using Gandse.Tasks;
using Gandse.Workloads;

namespace Gandse.Cli;

/// <summary>Options several commands share, and the parsing that turns their tokens into library values.</summary>
public static class CommonOptions
{
    public static Option<bool?> CompleteMappings() => new("--complete-mappings")
    {
        Description = "Network checkpoints: give each candidate's hardware its best per-layer dataflows before verification (3 evaluations per layer); "
            + "'--complete-mappings false' keeps the generator's own (default: the checkpoint's generate.complete_mappings).",
        HelpName = "true|false",
    };

    public static Option<double?> Temperature() => new("--temperature")
    {
        Description = "Sampling temperature of the generator (default: the checkpoint's generate.temperature); above 1 spreads the candidates wider.",
        HelpName = "T",
    };

    public static Option<double?> SlotTemperature() => new("--slot-temperature")
    {
        Description = "Network checkpoints: sampling temperature of the per-layer dataflows (default: the checkpoint's generate.slot_temperature).",
        HelpName = "T",
    };

    public static Option<string?> Ranker() => new("--ranker")
    {
        Description = "GAN checkpoints: how candidates are ordered before verification, so --calls goes to the best rated: "
            + string.Join(", ", Methods.Gan.CandidateRanker.Names) + " (default: the checkpoint's generate.ranker).",
        HelpName = "name",
    };

    public static Option<int?> Calls() => new("--calls")
    {
        Description = "The most exact cost-model evaluations (distinct designs) per query: the first N of the method's candidates, in its order "
            + "(default: the checkpoint's generate.calls; 0 for no limit, all candidates that could rank are checked).",
        HelpName = "N",
    };

    /// <summary>The call limit asked for (or the checkpoint's), checked: 0 means none.</summary>
    public static int CallLimit(ParseResult result, Option<int?> calls, Methods.ITrainedMethod trained)
    {
        int limit = result.GetValue(calls) ?? trained.Config.Generate.Calls;
        if (limit < 0)
        {
            throw new UsageException($"--calls must be 0 (no limit) or a positive number of calls, got {limit}");
        }

        return limit;
    }

    /// <summary>
    /// The checkpoint's method with the temperatures (and GAN ranker) given on the command line; a setting the
    /// method does not have is refused rather than ignored.
    /// </summary>
    public static Methods.IMethod TrainedMethod(
        ParseResult result, Methods.ITrainedMethod trained, long seed, Option<double?> temperature, Option<double?> slotTemperature, Option<string?>? ranker = null)
    {
        if (ranker is not null && result.GetValue(ranker) is string name)
        {
            if (trained is not Methods.Gan.TrainedGan gan)
            {
                throw new UsageException($"--ranker: this checkpoint ({trained.Info.MethodName}) proposes in its own order and has no ranker");
            }

            if (!Methods.Gan.CandidateRanker.Names.Contains(name))
            {
                throw new UsageException($"--ranker '{name}' is not a ranker; allowed: {string.Join(", ", Methods.Gan.CandidateRanker.Names)}");
            }

            CheckTemperatures(result, trained, temperature, slotTemperature);
            return gan.Method(seed, result.GetValue(temperature), result.GetValue(slotTemperature), name);
        }

        CheckTemperatures(result, trained, temperature, slotTemperature);
        return trained.Method(seed, result.GetValue(temperature), result.GetValue(slotTemperature));
    }

    private static void CheckTemperatures(ParseResult result, Methods.ITrainedMethod trained, Option<double?> temperature, Option<double?> slotTemperature)
    {
        (double? hasTemperature, double? hasSlotTemperature) = trained.Temperatures(1, 1);
        foreach ((Option<double?> option, double? has) in new[] { (temperature, hasTemperature), (slotTemperature, hasSlotTemperature) })
        {
            if (result.GetValue(option) is double value)
            {
                if (has is null)
                {
                    throw new UsageException($"{option.Name}: this checkpoint ({trained.Info.MethodName}) samples without it, so it would be ignored");
                }

                if (!(value > 0))
                {
                    throw new UsageException($"{option.Name} must be positive, got {value.ToString(CultureInfo.InvariantCulture)}");
                }
            }
        }
    }

    /// <summary>The most candidates per query: a 2,000,000-candidate query was killed at 23.6 GB; 65,536 stays near 1 GB.</summary>
    public const int MaxCandidates = 1 << 16;

    public static void CheckCandidates(int? candidates)
    {
        if (candidates > MaxCandidates)
        {
            throw new UsageException($"--candidates {candidates} is too many; at most {MaxCandidates:N0} per query fit in memory here (about 12 KB each while they are checked)");
        }
    }

    public static Option<bool> Json() => new("--json") { Description = "Write machine-readable JSON instead of a table." };

    public static Option<string> Space() => new("--space")
    {
        Description = $"Design space; one of: {string.Join(", ", SpaceCatalog.Names)}.",
        DefaultValueFactory = _ => SpaceCatalog.Names[0],
        HelpName = "name",
    };

    public static Option<string?> Workload(bool required) => new("--workload", "-w")
    {
        Description = "Workload: gemm:M=…,N=…,K=…, conv:H=…,W=…,C=…,R=…,S=…,filters=…[,stride=1][,padding=0], conv:K=…,C=…,Y=…,X=…,R=…,S=…[,stride=1] (MAESTRO's names), dwconv:C=…,Y=…,X=…,R=…,S=… (depthwise, maestro space), network:NAME (gandse networks lists them), network:NAME:MxNxK;MxNxK*R;… (layers spelled out) or topology:FILE.csv (a SCALE-Sim topology).",
        Required = required,
        HelpName = "spec",
    };

    /// <summary>Which of the space's cost models evaluates: each space lists its own (the first is the default).</summary>
    public static Option<string?> MemoryModel() => new("--memory")
    {
        Description = "Cost model of the space (default: its first). "
            + string.Join("; ", SpaceCatalog.Names.Select(SpaceCatalog.Get).Select(e => $"{e.Name}: " + string.Join(", ", e.Models.Select(m => $"{m.Name} ({m.Description})")))) + ".",
        HelpName = "model",
    };

    public static Workload ParseWorkload(string spec) => WorkloadParser.Parse(spec);

    public static Option<double> SimulatorTimeout() => new("--timeout")
    {
        Description = "Most seconds one external simulator run may take before it is stopped and reported.",
        DefaultValueFactory = _ => 600,
        HelpName = "seconds",
    };

    public static Option<string> SimulatorCache() => new("--simulator-cache")
    {
        Description = "Where external simulator results are cached, by the simulator's source hash and the exact inputs (repeated runs cost nothing).",
        DefaultValueFactory = _ => ".cache/simulators",
        HelpName = "dir",
    };

    /// <summary>A strictly positive integer from the token of <paramref name="flag"/>, or <paramref name="fallback"/> when absent.</summary>
    public static long? PositiveInteger(string? token, string flag, long? fallback = null)
    {
        if (token is null)
        {
            return fallback;
        }

        bool parsed = long.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out long value);
        return parsed && value > 0 ? value : throw new UsageException($"{flag} '{token}' is not allowed; expected a positive integer");
    }
}
