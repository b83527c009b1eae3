using Gandse.Config;
using Gandse.Methods.Gan;
using Gandse.Tasks;

namespace Gandse.Methods;

/// <summary>A method restored from a checkpoint, with the config and task it was trained for: what generate and eval answer from.</summary>
public interface ITrainedMethod
{
    /// <summary>The checkpoint file it was restored from.</summary>
    string Path { get; }

    /// <summary>The checkpoint's header.</summary>
    CheckpointInfo Info { get; }

    /// <summary>The config it was trained with, migrated to today's keys.</summary>
    ExperimentConfig Config { get; }

    /// <summary>The task it was trained for.</summary>
    IDseTask Task { get; }

    /// <summary>The method for answering; temperatures the method does not have are ignored (<see cref="Temperatures"/> says which it has).</summary>
    IMethod Method(long seed, double? temperature = null, double? slotTemperature = null);

    /// <summary>The sampling temperatures answering uses, given the ones asked for: null for one the method does not have.</summary>
    (double? Temperature, double? SlotTemperature) Temperatures(double? temperature, double? slotTemperature);
}
