namespace Gandse.Config;

/// <summary>Network sizes.</summary>
public sealed class ModelConfig
{
    /// <summary>chained (each parameter drawn given the earlier ones) or factorised (all from one set of logits).</summary>
    public string Generator { get; set; } = "chained";

    /// <summary>Width of the generator's noise input.</summary>
    public int NoiseDim { get; set; } = 16;

    /// <summary>Width of the hidden layers of the generator, discriminator and surrogate.</summary>
    public int Hidden { get; set; } = 256;

    /// <summary>Hidden layers of the generator, the discriminator and the surrogate.</summary>
    public int Layers { get; set; } = 3;
}
