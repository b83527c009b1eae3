namespace Gandse.Config;

/// <summary>
/// <c>methods.*</c>: each registered method's own settings, one section per method (the GAN's network and
/// training settings are the experiment's <c>model</c>, <c>train</c> and <c>generate</c> sections).
/// </summary>
public sealed class MethodsConfig
{
    /// <summary>methods.gan.</summary>
    public GanSettings Gan { get; set; } = new();

    /// <summary>methods.mlp.</summary>
    public MlpSettings Mlp { get; set; } = new();

    /// <summary>methods.airchitect_v2.</summary>
    public AirchitectV2Settings AirchitectV2 { get; set; } = new();

    /// <summary>methods.rl_amortised.</summary>
    public RlAmortisedSettings RlAmortised { get; set; } = new();

    /// <summary>methods.rl_search.</summary>
    public RlSearchSettings RlSearch { get; set; } = new();

    /// <summary>methods.evolutionary.</summary>
    public EvolutionarySettings Evolutionary { get; set; } = new();

    /// <summary>methods.bo.</summary>
    public BoSettings Bo { get; set; } = new();

    /// <summary>Validates every method's section.</summary>
    public void Validate()
    {
        Mlp.Validate();
        AirchitectV2.Validate();
        RlAmortised.Validate();
        RlSearch.Validate();
        Evolutionary.Validate();
        Bo.Validate();
    }

    internal static void Positive(double value, string key)
    {
        if (!(value > 0))
        {
            throw new UsageException($"{key} must be positive, got {value}");
        }
    }

    internal static void NotNegative(double value, string key)
    {
        if (!(value >= 0))
        {
            throw new UsageException($"{key} must be 0 or more, got {value}");
        }
    }
}
