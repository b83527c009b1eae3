namespace Gandse.Config;

/// <summary>One-shot generation.</summary>
public sealed class GenerateConfig
{
    /// <summary>Candidates sampled per query and checked with the exact cost model.</summary>
    public int Candidates { get; set; } = 256;

    /// <summary>Sampling temperature of the generator's logits at generation time (above 1: more diverse candidates).</summary>
    public double Temperature { get; set; } = 3.0;

    /// <summary>
    /// Sampling temperature of per-layer parameters (a network's dataflows). A network has dozens of them, so
    /// the spread that helps a few hardware parameters mostly breaks layers that were right.
    /// </summary>
    public double SlotTemperature { get; set; } = 1.0;

    /// <summary>
    /// Network task: before verification, replace each candidate's per-layer dataflows by the best for its
    /// hardware (three evaluations per layer), so the generator's hardware is judged with its best mapping.
    /// Applies to every method in a comparison.
    /// </summary>
    public bool CompleteMappings { get; set; }

    /// <summary>
    /// How the GAN orders its candidates before verification, so a budget of calls (<c>--calls</c>) goes to those it
    /// rates best: surrogate, discriminator, bounds or none (<see cref="Methods.Gan.CandidateRanker"/>).
    /// </summary>
    public string Ranker { get; set; } = "none";

    /// <summary>The most exact cost-model evaluations (distinct designs) answering a query may spend; 0 for no limit.</summary>
    public int Calls { get; set; }
}
