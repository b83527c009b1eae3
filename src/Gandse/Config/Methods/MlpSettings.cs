namespace Gandse.Config;

/// <summary><c>methods.mlp</c>: the AIrchitect-style recommender, a classifier from the condition to the optimal design.</summary>
public sealed class MlpSettings
{
    /// <summary>Training steps.</summary>
    public int Steps { get; set; } = 3000;

    /// <summary>Conditions per step.</summary>
    public int BatchSize { get; set; } = 256;

    /// <summary>Adam learning rate.</summary>
    public double Lr { get; set; } = 1e-3;

    /// <summary>Sampling temperature of the candidates after its first (arg-max) one.</summary>
    public double Temperature { get; set; } = 3.0;

    /// <summary>Width of each binned condition feature's embedding (AIrchitect v2's uniform-bin encoding).</summary>
    public int EmbeddingDim { get; set; } = 16;

    /// <summary>Width of the hidden layers.</summary>
    public int Hidden { get; set; } = 256;

    /// <summary>Number of hidden layers.</summary>
    public int Layers { get; set; } = 2;

    /// <summary>
    /// What it is taught: <c>optimum</c> (the exact optimum of each condition, as AIrchitect) or <c>near_optimal</c>
    /// (a design drawn each step from the condition's near-optimal set, the data the GAN sees).
    /// </summary>
    public string Labels { get; set; } = "optimum";

    /// <summary>Refuses values that cannot work, naming the key.</summary>
    public void Validate()
    {
        MethodsConfig.Positive(Steps, "methods.mlp.steps");
        MethodsConfig.Positive(BatchSize, "methods.mlp.batch_size");
        MethodsConfig.Positive(Lr, "methods.mlp.lr");
        MethodsConfig.Positive(Temperature, "methods.mlp.temperature");
        MethodsConfig.Positive(EmbeddingDim, "methods.mlp.embedding_dim");
        MethodsConfig.Positive(Hidden, "methods.mlp.hidden");
        MethodsConfig.Positive(Layers, "methods.mlp.layers");
        if (Labels is not ("optimum" or "near_optimal"))
        {
            throw new UsageException($"methods.mlp.labels: '{Labels}' is not allowed; allowed: optimum, near_optimal");
        }
    }
}
