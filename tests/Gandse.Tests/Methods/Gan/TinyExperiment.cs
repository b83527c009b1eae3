using Gandse.Config;

namespace Gandse.Tests.Methods.Gan;

/// <summary>A GAN experiment small enough to train in a few seconds, in its own temporary folder.</summary>
public sealed class TinyExperiment : IDisposable
{
    public TinyExperiment(string task = "systolic-gemm")
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("gandse-tiny-").FullName;
        ConfigPath = System.IO.Path.Combine(Directory, "tiny.yaml");
        File.WriteAllText(ConfigPath, $"""
            experiment: tiny
            task: {task}
            seed: 5
            data:
              train_workloads: 24
              val_workloads: 4
              test_workloads: 6
              conditions_per_workload: 1
              dim_max: 1024
              near_optimal: 4
              cache_dir: {System.IO.Path.Combine(Directory, "cache")}
            model:
              noise_dim: 4
              hidden: 32
              layers: 2
            train:
              steps: 30
              batch_size: 32
              surrogate_steps: 20
              surrogate_batch_size: 64
              mapping_steps: 20
              mapping_batch_size: 16
              log_every: 5
              eval_every: 10
              histogram_every: 10
              val_queries: 4
              ranking_head_steps: 40
              ranking_head_candidates: 16
              ranking_head_hidden: 32
              ranking_head_layers: 1
            generate:
              candidates: 32
            """);
    }

    public string Directory { get; }

    public string ConfigPath { get; }

    public string Path(string name) => System.IO.Path.Combine(Directory, name);

    public ExperimentConfig Config(params string[] overrides) => ConfigBinder.Load(ConfigPath, overrides);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
