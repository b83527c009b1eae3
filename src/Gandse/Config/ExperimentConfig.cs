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

    /// <summary>Seeds the dataset, the networks' initialisation and every sample drawn in training.</summary>
    public long Seed { get; set; }

    public DataConfig Data { get; set; } = new();

    public ModelConfig Model { get; set; } = new();

    public TrainConfig Train { get; set; } = new();

    public GenerateConfig Generate { get; set; } = new();

    public CompareConfig Compare { get; set; } = new();
}

/// <summary>How conditions are sampled, split and labelled.</summary>
public sealed class DataConfig
{
    /// <summary>Seed of the dataset's draws; −1 (the default) follows the experiment's <c>seed</c>.</summary>
    public long Seed { get; set; } = -1;

    /// <summary>Distinct workloads per split; splits never share a workload.</summary>
    public int TrainWorkloads { get; set; } = 1500;

    public int ValWorkloads { get; set; } = 100;

    public int TestWorkloads { get; set; } = 200;

    /// <summary>Conditions (budget and bandwidth draws) per workload.</summary>
    public int ConditionsPerWorkload { get; set; } = 2;

    /// <summary>GEMM dims M, N, K are log-uniform integers in [dim_min, dim_max].</summary>
    public long DimMin { get; set; } = 16;

    public long DimMax { get; set; } = 4096;

    /// <summary>MAC budgets (rows · cols ≤ budget), drawn uniformly.</summary>
    public List<long> MacBudgets { get; set; } = new() { 256, 1024, 4096, 16384 };

    /// <summary>Total SRAM budgets in KB, drawn uniformly.</summary>
    public List<double> SramBudgetsKb { get; set; } = new() { 96, 384, 1536, 6144 };

    /// <summary>DRAM bandwidths in words per cycle, drawn uniformly.</summary>
    public List<double> DramBandwidths { get; set; } = new() { 4, 16, 64 };

    /// <summary>Latency targets (latency tasks): the least latency achievable under the budgets times a log-uniform slack in [min, max].</summary>
    public double TargetSlackMin { get; set; } = 1.0;

    public double TargetSlackMax { get; set; } = 4.0;

    /// <summary>Near-optimal designs kept per condition: the real examples the discriminator sees.</summary>
    public int NearOptimal { get; set; } = 16;

    /// <summary>A design is near-optimal when its cost is within this fraction of the optimum.</summary>
    public double NearOptimalTolerance { get; set; } = 0.05;

    /// <summary>
    /// Network task: the test split's built-in networks (test_workloads of them, cycled). Training draws synthetic
    /// networks only; none of these is seen before the test.
    /// </summary>
    public List<string> TestNetworks { get; set; } = new()
    {
        "alexnet", "vgg16", "vgg19", "resnet18", "resnet50", "resnet101", "mobilenetv2", "efficientnet-b0", "bert-base", "gpt2", "vit-b16", "resnet152",
    };

    /// <summary>
    /// Network task: built-in networks validated on, besides val_workloads synthetic ones. Checkpoints are chosen
    /// on validation, so real networks there make the choice track real networks; they must not be test networks.
    /// </summary>
    public List<string> ValNetworks { get; set; } = new() { "resnet34", "vgg13", "mobilenetv1", "bert-large", "gpt2-medium" };

    /// <summary>Network task: the share of synthetic networks drawn as transformer GEMM stacks rather than CNNs.</summary>
    public double SyntheticTransformerShare { get; set; } = 0.25;

    /// <summary>Network task: layer slots of the design space (one dataflow each); networks may not be longer.</summary>
    public int MaxLayers { get; set; } = 56;

    /// <summary>Network task: synthetic networks have between these many layers.</summary>
    public int SyntheticLayersMin { get; set; } = 6;

    public int SyntheticLayersMax { get; set; } = 40;

    /// <summary>Where datasets are cached, keyed by the hash of the settings that made them.</summary>
    public string CacheDir { get; set; } = ".cache/datasets";
}

/// <summary>Network sizes.</summary>
public sealed class ModelConfig
{
    /// <summary>chained (each parameter drawn given the earlier ones) or factorised (all from one set of logits).</summary>
    public string Generator { get; set; } = "chained";

    public int NoiseDim { get; set; } = 16;

    public int Hidden { get; set; } = 256;

    /// <summary>Hidden layers of the generator, the discriminator and the surrogate.</summary>
    public int Layers { get; set; } = 3;
}

/// <summary>Optimisation.</summary>
public sealed class TrainConfig
{
    public int Steps { get; set; } = 8000;

    public int BatchSize { get; set; } = 256;

    public double GeneratorLr { get; set; } = 1e-3;

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

    public double GumbelTauEnd { get; set; } = 0.3;

    /// <summary>
    /// Which model gives the training loop's own targets (the surrogate's samples, a network's per-layer teacher):
    /// streaming (the cost model's closed-form streaming bound, tensor-fast) or exact (the cost model, which
    /// walks every read buffer and costs orders of magnitude more per sample). Labels are always exact.
    /// </summary>
    public string Teacher { get; set; } = "streaming";

    /// <summary>Steps of surrogate training on simulator samples, before the GAN.</summary>
    public int SurrogateSteps { get; set; } = 1500;

    public int SurrogateBatchSize { get; set; } = 512;

    public double SurrogateLr { get; set; } = 1e-3;

    /// <summary>
    /// Tasks with per-layer parameters: steps that fit the generator's per-layer head to the exact best dataflows
    /// of random hardware under training conditions, before the GAN (as the surrogate is fitted first).
    /// </summary>
    public int MappingSteps { get; set; } = 3000;

    /// <summary>Conditions per mapping step, each with one random hardware point and all its layers.</summary>
    public int MappingBatchSize { get; set; } = 128;

    public int LogEvery { get; set; } = 25;

    /// <summary>Validation (and the best/last checkpoints) every this many steps.</summary>
    public int EvalEvery { get; set; } = 500;

    /// <summary>Validation queries per evaluation.</summary>
    public int ValQueries { get; set; } = 100;

    public int HistogramEvery { get; set; } = 500;
}

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
}

/// <summary>
/// <c>gandse compare</c>: every method answers the same held-out queries with the same budget of cost-model
/// calls per query, each trained method trained on the same training split, for each seed.
/// </summary>
public sealed class CompareConfig
{
    /// <summary>Any of gan, mlp, rl-amortised, rl-search, evolutionary, random.</summary>
    public List<string> Methods { get; set; } = new() { "gan", "mlp", "rl-amortised", "rl-search", "evolutionary", "random" };

    /// <summary>Method seeds are seed, seed + 1, …; the dataset (and so the queries) stays that of the experiment's seed.</summary>
    public int Seeds { get; set; } = 3;

    /// <summary>Test queries answered per method and seed (the first of the test split).</summary>
    public int Queries { get; set; } = 100;

    /// <summary>Cost-model calls per query for every method: candidates proposed and verified, or designs a search evaluates.</summary>
    public int Budget { get; set; } = 1024;

    /// <summary>Use this trained GAN (checkpoint file or folder) for every seed instead of training one per seed.</summary>
    public string GanCheckpoint { get; set; } = string.Empty;

    public int MlpSteps { get; set; } = 3000;

    public double MlpLr { get; set; } = 1e-3;

    /// <summary>Sampling temperature of the MLP's candidates after its first (arg-max) one.</summary>
    public double MlpTemperature { get; set; } = 3.0;

    public int RlSteps { get; set; } = 1500;

    public int RlBatchSize { get; set; } = 256;

    public double RlLr { get; set; } = 1e-3;

    /// <summary>Entropy bonus of the amortised policy; smaller ones collapsed onto one design.</summary>
    public double RlEntropyBonus { get; set; } = 0.2;

    /// <summary>Infeasibility penalty of the amortised policy's reward (log2 units; 2 is a 4× cost).</summary>
    public double RlRewardPenalty { get; set; } = 2.0;

    /// <summary>Entropy bonus of the per-query policy.</summary>
    public double RlSearchEntropyBonus { get; set; } = 0.01;

    /// <summary>Designs per REINFORCE update of the per-query RL search.</summary>
    public int RlSearchBatch { get; set; } = 64;

    public double RlSearchLr { get; set; } = 3e-3;

    public int EvolutionPopulation { get; set; } = 64;
}
