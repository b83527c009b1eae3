namespace Gandse.Config;

/// <summary><c>methods.mlp</c>: the AIrchitect-style recommender, a classifier from the condition to the optimal design.</summary>
public sealed class MlpSettings
{
    public int Steps { get; set; } = 3000;

    public int BatchSize { get; set; } = 256;

    public double Lr { get; set; } = 1e-3;

    /// <summary>Sampling temperature of the candidates after its first (arg-max) one.</summary>
    public double Temperature { get; set; } = 3.0;

    /// <summary>Width of each binned condition feature's embedding (AIrchitect v2's uniform-bin encoding).</summary>
    public int EmbeddingDim { get; set; } = 16;

    public int Hidden { get; set; } = 256;

    public int Layers { get; set; } = 2;

    public void Validate()
    {
        MethodsConfig.Positive(Steps, "methods.mlp.steps");
        MethodsConfig.Positive(BatchSize, "methods.mlp.batch_size");
        MethodsConfig.Positive(Lr, "methods.mlp.lr");
        MethodsConfig.Positive(Temperature, "methods.mlp.temperature");
        MethodsConfig.Positive(EmbeddingDim, "methods.mlp.embedding_dim");
        MethodsConfig.Positive(Hidden, "methods.mlp.hidden");
        MethodsConfig.Positive(Layers, "methods.mlp.layers");
    }
}
