namespace Gandse.Config;

/// <summary><c>methods.gan</c>: where a comparison takes its GAN from (its training settings are <c>model</c>, <c>train</c>, <c>generate</c>).</summary>
public sealed class GanSettings
{
    /// <summary>Use this trained GAN (checkpoint file or folder) for every seed instead of training one per seed.</summary>
    public string Checkpoint { get; set; } = string.Empty;
}
