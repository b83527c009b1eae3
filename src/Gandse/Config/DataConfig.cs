namespace Gandse.Config;

/// <summary>How conditions are sampled, split and labelled.</summary>
public sealed class DataConfig
{
    /// <summary>Seed of the dataset's draws; −1 (the default) follows the experiment's <c>seed</c>.</summary>
    public long Seed { get; set; } = -1;

    /// <summary>Distinct workloads per split; splits never share a workload.</summary>
    public int TrainWorkloads { get; set; } = 1500;

    /// <summary>Workloads in the validation split.</summary>
    public int ValWorkloads { get; set; } = 100;

    /// <summary>Workloads in the test split.</summary>
    public int TestWorkloads { get; set; } = 200;

    /// <summary>Conditions (budget and bandwidth draws) per workload.</summary>
    public int ConditionsPerWorkload { get; set; } = 2;

    /// <summary>GEMM dims M, N, K are log-uniform integers in [dim_min, dim_max].</summary>
    public long DimMin { get; set; } = 16;

    /// <summary>The largest GEMM dimension drawn.</summary>
    public long DimMax { get; set; } = 4096;

    /// <summary>
    /// The values each condition field is drawn from, uniformly, by field name (<c>data.draw.mac_budget: [256, 4096]</c>).
    /// A field the task reads and this leaves out is drawn from the values its schema declares
    /// (<c>gandse checkpoint info</c> and <c>gandse config show</c> list the fields); a field the task does not read is refused.
    /// </summary>
    public Dictionary<string, List<double>> Draw { get; set; } = new();

    /// <summary>Latency targets (latency tasks): the least latency achievable under the budgets times a log-uniform slack in [min, max].</summary>
    public double TargetSlackMin { get; set; } = 1.0;

    /// <summary>The largest ratio of a drawn latency target to the least latency under the budgets.</summary>
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

    /// <summary>The most layers in a drawn synthetic network.</summary>
    public int SyntheticLayersMax { get; set; } = 40;

    /// <summary>Where datasets are cached, keyed by the hash of the settings that made them.</summary>
    public string CacheDir { get; set; } = ".cache/datasets";

    /// <summary>
    /// A file of conditions for tasks labelled from an existing dataset (airchitect-v2 reads the AIrchitect-v2 CSV);
    /// its content, not its path, is part of the dataset's key. Empty for tasks that draw their conditions.
    /// </summary>
    public string Source { get; set; } = string.Empty;
}
