using Gandse.Methods.Gan;

namespace Gandse.Methods;

/// <summary>A trained method that can be written to a checkpoint (<see cref="GanCheckpoint"/> format) and restored by its catalog entry.</summary>
public interface ISavedMethod : IMethod
{
    /// <summary>Writes the weights, under <paramref name="info"/>, to <paramref name="path"/> atomically.</summary>
    void Save(string path, CheckpointInfo info);
}
