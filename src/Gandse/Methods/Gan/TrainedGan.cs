using Gandse.Config;
using Gandse.Tasks;
using static TorchSharp.torch;

namespace Gandse.Methods.Gan;

/// <summary>A generator restored from a checkpoint, with the config and task it was trained for.</summary>
public sealed class TrainedGan : ITrainedMethod
{
    private TrainedGan(string path, CheckpointInfo info, ExperimentConfig config, IDseTask task, GanNetworks networks, RankingHead? head)
    {
        Head = head;
        Path = path;
        Info = info;
        Config = config;
        Task = task;
        Networks = networks;
    }

    /// <inheritdoc/>
    public string Path { get; }

    /// <inheritdoc/>
    public CheckpointInfo Info { get; }

    /// <inheritdoc/>
    public ExperimentConfig Config { get; }

    /// <inheritdoc/>
    public IDseTask Task { get; }

    /// <summary>The restored networks.</summary>
    public GanNetworks Networks { get; }

    /// <summary>The ranking head (<c>generate.ranker: head</c>), or null when the checkpoint has none.</summary>
    public RankingHead? Head { get; }

    /// <summary>Loads <paramref name="checkpoint"/>: a checkpoint file, or a folder holding best.ckpt (else last.ckpt).</summary>
    public static TrainedGan Load(string checkpoint)
    {
        string path = GanCheckpoint.Resolve(checkpoint);
        CheckpointInfo info = GanCheckpoint.ReadInfo(path);
        if (info.MethodName != "gan")
        {
            throw new UsageException($"'{path}' holds a trained {info.MethodName}, not a GAN");
        }

        ExperimentConfig config = ConfigBinder.Parse(info.ConfigYaml, path, Array.Empty<string>(), migrate: true);
        return Restore(path, info, config, TaskCatalog.Create(config));
    }

    /// <summary>The GAN of a checkpoint whose header and config are read (<see cref="TrainedMethods.Load"/>).</summary>
    public static TrainedGan Restore(string path, CheckpointInfo info, ExperimentConfig config, IDseTask task)
    {
        var networks = new GanNetworks(config.Model, task, info.SurrogateMetrics.Count);
        if (info.RankingHead is { } declared && !declared.Bounds.SequenceEqual(RankingHeadRows.InputNames(task)))
        {
            throw new UsageException(
                $"'{path}' holds a ranking head that reads [{string.Join(", ", declared.Bounds)}], but this Gandse gives it [{string.Join(", ", RankingHeadRows.InputNames(task))}]; "
                + $"fit it again with 'gandse checkpoint fit-ranker -c {path} -o <file>'");
        }

        RankingHead? head = info.RankingHead is null ? null : RankingHeadFitting.Create(info.RankingHead);
        GanCheckpoint.Load(path, networks, head: head);
        networks.eval();
        head?.eval();
        return new TrainedGan(path, info, config, task, networks, head);
    }

    /// <summary>
    /// Writes this checkpoint without its optimiser and sampler state (atomically): the same generations for the same
    /// seed, about a third of the size, for shipping; training cannot resume from it.
    /// </summary>
    /// <param name="destination">The file to write (may be the source).</param>
    /// <param name="answerDefaults">
    /// <c>generate.*</c> assignments that change the copy's answer-time defaults (candidates, temperatures), chosen on
    /// validation after training; nothing that shaped the weights or the data may change.
    /// </param>
    public void SaveWeightsOnly(string destination, IReadOnlyList<string>? answerDefaults = null)
    {
        CheckpointInfo info = Info;
        if (answerDefaults is { Count: > 0 })
        {
            string? other = answerDefaults.FirstOrDefault(a => !a.TrimStart().StartsWith("generate.", StringComparison.Ordinal));
            if (other is not null)
            {
                throw new UsageException($"--set '{other}': only generate.* settings (answer-time defaults) can change after training");
            }

            info = info with { ConfigYaml = ConfigWriter.ToYaml(ConfigBinder.Parse(Info.ConfigYaml, Path, answerDefaults, migrate: true)) };
        }

        GanCheckpoint.Save(destination, info, Networks, Array.Empty<TorchSharp.Modules.OptimizerHelper>(), sampler: null, Head);
    }

    /// <summary>
    /// Writes this checkpoint's weights (without optimiser and sampler state) with <paramref name="head"/> as its
    /// ranking head, atomically; <paramref name="answerDefaults"/> as in <see cref="SaveWeightsOnly"/>.
    /// </summary>
    public void SaveWithHead(string destination, RankingHead head, RankingHeadInfo headInfo, IReadOnlyList<string>? answerDefaults = null) =>
        new TrainedGan(Path, Info with { RankingHead = headInfo }, Config, Task, Networks, head).SaveWeightsOnly(destination, answerDefaults);

    /// <summary>The generator as a method; temperatures and the ranker default to the checkpoint's generate section.</summary>
    public GanMethod Method(long seed, double? temperature = null, double? slotTemperature = null, string? ranker = null)
    {
        string chosen = ranker ?? Config.Generate.Ranker;
        if (chosen is "head" or "head-spread" && Head is null)
        {
            throw new UsageException($"ranker '{chosen}': '{Path}' has no ranking head; fit one with 'gandse checkpoint fit-ranker -c {Path} -o <file>', or choose another ranker ({string.Join(", ", CandidateRanker.Names.Where(n => !n.StartsWith("head", StringComparison.Ordinal)))})");
        }

        return new(Task, Networks, seed, temperature ?? Config.Generate.Temperature, slotTemperature ?? Config.Generate.SlotTemperature, chosen, Head);
    }

    IMethod ITrainedMethod.Method(long seed, double? temperature, double? slotTemperature) => Method(seed, temperature, slotTemperature);

    /// <inheritdoc/>
    public (double? Temperature, double? SlotTemperature) Temperatures(double? temperature, double? slotTemperature) =>
        (temperature ?? Config.Generate.Temperature, slotTemperature ?? Config.Generate.SlotTemperature);
}
