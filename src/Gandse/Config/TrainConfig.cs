namespace Gandse.Config;

/// <summary>Optimisation.</summary>
public sealed class TrainConfig
{
    /// <summary>GAN training steps.</summary>
    public int Steps { get; set; } = 8000;

    /// <summary>Conditions per step.</summary>
    public int BatchSize { get; set; } = 256;

    /// <summary>Adam learning rate of the generator.</summary>
    public double GeneratorLr { get; set; } = 1e-3;

    /// <summary>Adam learning rate of the discriminator.</summary>
    public double DiscriminatorLr { get; set; } = 1e-3;

    /// <summary>Generator and discriminator learning rates decay linearly to this fraction of their start by the last step.</summary>
    public double LrFinalFraction { get; set; } = 0.1;

    /// <summary>Weight of the adversarial term in the generator's loss.</summary>
    public double AdversarialWeight { get; set; } = 1.0;

    /// <summary>Weight of the surrogate's predicted objective (normalised log cost).</summary>
    public double ObjectiveWeight { get; set; } = 0.3;

    /// <summary>
    /// Weight of a likelihood term: cross-entropy of the generator's per-parameter logits against a
    /// near-optimal design of the same condition (as pix2pix adds an L1 term to its adversarial loss).
    /// </summary>
    public double SupervisedWeight { get; set; } = 3.0;

    /// <summary>
    /// Tasks with per-layer parameters (networks): weight of the cross-entropy of the per-layer logits against
    /// the exact best dataflows for the hardware the generator drew, so the generator maps well the hardware it
    /// proposes, not only the near-optimal hardware of the dataset.
    /// </summary>
    public double MappingWeight { get; set; } = 1.0;

    /// <summary>Weight of the constraint penalties (budgets and targets).</summary>
    public double ConstraintWeight { get; set; } = 3.0;

    /// <summary>Gumbel-softmax temperature, annealed geometrically from start to end.</summary>
    public double GumbelTauStart { get; set; } = 1.0;

    /// <summary>The Gumbel-softmax temperature at the last step (annealed from the start value).</summary>
    public double GumbelTauEnd { get; set; } = 0.3;

    /// <summary>
    /// Which model gives the training loop's own targets (the surrogate's samples, a network's per-layer teacher):
    /// streaming (the cost model's closed-form streaming bound, tensor-fast) or exact (the cost model, which
    /// walks every read buffer and costs orders of magnitude more per sample). Labels are always exact.
    /// </summary>
    public string Teacher { get; set; } = "streaming";

    /// <summary>Steps of surrogate training on simulator samples, before the GAN.</summary>
    public int SurrogateSteps { get; set; } = 1500;

    /// <summary>Designs per surrogate fitting step.</summary>
    public int SurrogateBatchSize { get; set; } = 512;

    /// <summary>Adam learning rate of the surrogate.</summary>
    public double SurrogateLr { get; set; } = 1e-3;

    /// <summary>
    /// Tasks with per-layer parameters: steps that fit the generator's per-layer head to the exact best dataflows
    /// of random hardware under training conditions, before the GAN (as the surrogate is fitted first).
    /// </summary>
    public int MappingSteps { get; set; } = 3000;

    /// <summary>Conditions per mapping step, each with one random hardware point and all its layers.</summary>
    public int MappingBatchSize { get; set; } = 128;

    /// <summary>
    /// Steps that fit the ranking head after the GAN (<c>generate.ranker: head</c>): a small network taught, on the
    /// generator's own candidates for training conditions, how far each one's exact metrics lie above their
    /// closed-form bounds. 0 fits none.
    /// </summary>
    public int RankingHeadSteps { get; set; } = 6000;

    /// <summary>Candidates the generator draws per training condition and temperature, each labelled exactly, to fit the ranking head on.</summary>
    public int RankingHeadCandidates { get; set; } = 128;

    /// <summary>The sampling temperatures the ranking head's candidates are drawn at (answers may use any of them).</summary>
    public List<double> RankingHeadTemperatures { get; set; } = new() { 1, 3 };

    /// <summary>Candidates per ranking-head fitting step.</summary>
    public int RankingHeadBatchSize { get; set; } = 1024;

    /// <summary>Width of the ranking head's hidden layers (it runs on every candidate of a query).</summary>
    public int RankingHeadHidden { get; set; } = 256;

    /// <summary>Hidden layers of the ranking head.</summary>
    public int RankingHeadLayers { get; set; } = 3;

    /// <summary>Adam learning rate of the ranking head.</summary>
    public double RankingHeadLr { get; set; } = 1e-3;

    /// <summary>Steps between metric rows (metrics.csv and TensorBoard scalars).</summary>
    public int LogEvery { get; set; } = 25;

    /// <summary>Validation (and the best/last checkpoints) every this many steps.</summary>
    public int EvalEvery { get; set; } = 500;

    /// <summary>Validation queries per evaluation.</summary>
    public int ValQueries { get; set; } = 100;

    /// <summary>Steps between TensorBoard histograms of the generator's weights.</summary>
    public int HistogramEvery { get; set; } = 500;
}
