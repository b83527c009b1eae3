namespace Gandse.Config;

/// <summary>
/// Every setting of an experiment, with its default. An experiment file (YAML, snake_case keys) overrides a
/// few; <c>--set key.path=value</c> overrides more. Unknown keys and wrongly typed values are refused.
/// </summary>
public sealed class ExperimentConfig
{
    /// <summary>The seed the dataset is drawn with: <c>data.seed</c>, or <c>seed</c> when that is −1.</summary>
    public long DataSeed() => Data.Seed >= 0 ? Data.Seed : Seed;

    /// <summary>Names run directories and the checkpoint folder.</summary>
    public string Experiment { get; set; } = "systolic-gemm";

    /// <summary>One of systolic-gemm, systolic-latency-target, systolic-network.</summary>
    public string Task { get; set; } = "systolic-gemm";

    /// <summary>What <c>gandse train</c> trains: gan, or another registered method that keeps checkpoints (mlp).</summary>
    public string Method { get; set; } = "gan";

    /// <summary>Seeds the dataset, the networks' initialisation and every sample drawn in training.</summary>
    public long Seed { get; set; }

    /// <summary>How the dataset is drawn and labelled (data.*).</summary>
    public DataConfig Data { get; set; } = new();

    /// <summary>The GAN's network shapes (model.*).</summary>
    public ModelConfig Model { get; set; } = new();

    /// <summary>GAN training (train.*).</summary>
    public TrainConfig Train { get; set; } = new();

    /// <summary>Answering queries (generate.*).</summary>
    public GenerateConfig Generate { get; set; } = new();

    /// <summary>The comparison harness (compare.*).</summary>
    public CompareConfig Compare { get; set; } = new();

    /// <summary>Every method's own settings (methods.*).</summary>
    public MethodsConfig Methods { get; set; } = new();
}
