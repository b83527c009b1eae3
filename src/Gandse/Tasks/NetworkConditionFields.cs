namespace Gandse.Tasks;

/// <summary>Per-layer condition values of the network task: [Q, max_layers] tensors; padding slots repeat 0 times.</summary>
public static class NetworkConditionFields
{
    public const string LayerM = "layer_M";
    public const string LayerN = "layer_N";
    public const string LayerK = "layer_K";
    public const string LayerRepeats = "layer_repeats";
}
