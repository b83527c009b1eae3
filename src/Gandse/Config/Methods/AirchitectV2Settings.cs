namespace Gandse.Config;

/// <summary>
/// <c>methods.airchitect_v2</c>: the AIrchitect-v2-style recommender, a small transformer encoder over one token
/// per condition feature with one ordinal head per ordered design parameter (unified ordinal vectors).
/// </summary>
public sealed class AirchitectV2Settings
{
    /// <summary>
    /// Training steps. The defaults (2,000 steps, 32-wide tokens, a 64-wide feed-forward block) were chosen on the
    /// AIrchitect-v2 validation split: they score as 3,000 steps of 64-wide tokens did (0.9948 against 0.9962 at
    /// 8 calls) in a third of the time (docs/measured.md#the-airchitect-v2-task).
    /// </summary>
    public int Steps { get; set; } = 2000;

    /// <summary>Conditions per step.</summary>
    public int BatchSize { get; set; } = 256;

    /// <summary>Adam learning rate (cosine-decayed to a tenth over the steps).</summary>
    public double Lr { get; set; } = 1e-3;

    /// <summary>Width of each feature's token.</summary>
    public int ModelDim { get; set; } = 32;

    /// <summary>Attention heads per encoder layer (must divide <c>model_dim</c>).</summary>
    public int Heads { get; set; } = 4;

    /// <summary>Encoder layers.</summary>
    public int Layers { get; set; } = 2;

    /// <summary>Width of each encoder layer's feed-forward block.</summary>
    public int FeedForward { get; set; } = 64;

    /// <summary>Dropout inside the encoder while training.</summary>
    public double Dropout { get; set; } = 0.1;

    /// <summary>
    /// What it is taught: <c>optimum</c> (each condition's labelled optimum) or <c>near_optimal</c> (the average
    /// ordinal vector of the condition's near-optimal set, its tied optima when the dataset's tolerance is 0).
    /// </summary>
    public string Labels { get; set; } = "near_optimal";

    /// <summary>Refuses values that cannot work, naming the key.</summary>
    public void Validate()
    {
        MethodsConfig.Positive(Steps, "methods.airchitect_v2.steps");
        MethodsConfig.Positive(BatchSize, "methods.airchitect_v2.batch_size");
        MethodsConfig.Positive(Lr, "methods.airchitect_v2.lr");
        MethodsConfig.Positive(ModelDim, "methods.airchitect_v2.model_dim");
        MethodsConfig.Positive(Heads, "methods.airchitect_v2.heads");
        MethodsConfig.Positive(Layers, "methods.airchitect_v2.layers");
        MethodsConfig.Positive(FeedForward, "methods.airchitect_v2.feed_forward");
        if (ModelDim % Heads != 0)
        {
            throw new UsageException($"methods.airchitect_v2.heads: {Heads} does not divide model_dim {ModelDim}; pick heads that divide it");
        }

        if (Dropout is < 0 or >= 1 || double.IsNaN(Dropout))
        {
            throw new UsageException($"methods.airchitect_v2.dropout must be from 0 to below 1, not {Dropout}");
        }

        if (Labels is not ("optimum" or "near_optimal"))
        {
            throw new UsageException($"methods.airchitect_v2.labels: '{Labels}' is not allowed; allowed: optimum, near_optimal");
        }
    }
}
