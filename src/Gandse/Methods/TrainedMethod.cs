using Gandse.Config;
using Gandse.Methods.Gan;
using Gandse.Tasks;

namespace Gandse.Methods;

/// <summary>A restored baseline: its checkpoint's header, config and task, and how to make the method for a seed and temperature.</summary>
public sealed class TrainedMethod : ITrainedMethod
{
    private readonly Func<long, double?, IMethod> _method;
    private readonly double? _defaultTemperature;

    /// <param name="defaultTemperature">The method's sampling temperature when none is asked for; null when it samples without one.</param>
    /// <param name="path">The checkpoint file.</param>
    /// <param name="info">Its header.</param>
    /// <param name="config">The config it was trained with.</param>
    /// <param name="task">The task it was trained for.</param>
    /// <param name="method">Makes the method for a seed and a temperature (null for the default).</param>
    public TrainedMethod(string path, CheckpointInfo info, ExperimentConfig config, IDseTask task, Func<long, double?, IMethod> method, double? defaultTemperature)
    {
        Path = path;
        Info = info;
        Config = config;
        Task = task;
        _method = method;
        _defaultTemperature = defaultTemperature;
    }

    /// <inheritdoc/>
    public string Path { get; }

    /// <inheritdoc/>
    public CheckpointInfo Info { get; }

    /// <inheritdoc/>
    public ExperimentConfig Config { get; }

    /// <inheritdoc/>
    public IDseTask Task { get; }

    /// <inheritdoc/>
    public IMethod Method(long seed, double? temperature = null, double? slotTemperature = null) => _method(seed, temperature ?? _defaultTemperature);

    /// <inheritdoc/>
    public (double? Temperature, double? SlotTemperature) Temperatures(double? temperature, double? slotTemperature) =>
        (_defaultTemperature is null ? null : temperature ?? _defaultTemperature, null);
}
