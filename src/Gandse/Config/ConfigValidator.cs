namespace Gandse.Config;

/// <summary>Checks the values that a type alone cannot: positive counts, ordered ranges, known names.</summary>
public static class ConfigValidator
{
    /// <summary>Checks every section's values and their combinations; the first problem is a <see cref="UsageException"/> naming the key.</summary>
    public static void Validate(ExperimentConfig config)
    {
        Positive(config.Data.TrainWorkloads, "data.train_workloads");
        Positive(config.Data.ValWorkloads, "data.val_workloads");
        Positive(config.Data.TestWorkloads, "data.test_workloads");
        Positive(config.Data.ConditionsPerWorkload, "data.conditions_per_workload");
        Positive(config.Data.NearOptimal, "data.near_optimal");
        Positive(config.Data.DimMin, "data.dim_min");
        if (config.Data.DimMax < config.Data.DimMin)
        {
            throw new UsageException($"data.dim_max ({config.Data.DimMax}) is below data.dim_min ({config.Data.DimMin})");
        }

        foreach ((string field, List<double> values) in config.Data.Draw)
        {
            NonEmptyPositive(values, $"data.draw.{field}");
        }
        if (!(config.Data.TargetSlackMin >= 1.0 && config.Data.TargetSlackMax >= config.Data.TargetSlackMin))
        {
            throw new UsageException("data.target_slack_min must be ≥ 1 and data.target_slack_max ≥ data.target_slack_min");
        }

        foreach ((string name, double weight) in new[]
        {
            ("train.adversarial_weight", config.Train.AdversarialWeight), ("train.objective_weight", config.Train.ObjectiveWeight),
            ("train.constraint_weight", config.Train.ConstraintWeight), ("train.supervised_weight", config.Train.SupervisedWeight),
            ("train.mapping_weight", config.Train.MappingWeight),
        })
        {
            if (weight < 0)
            {
                throw new UsageException($"{name} must be ≥ 0, got {weight}");
            }
        }

        foreach ((string key, List<string> names) in new[] { ("data.test_networks", config.Data.TestNetworks), ("data.val_networks", config.Data.ValNetworks) })
        {
            string? unknown = names.FirstOrDefault(n => !Workloads.BuiltInNetworks.Names.Contains(n));
            if (unknown is not null)
            {
                throw new UsageException($"{key}: unknown network '{unknown}'; allowed: {string.Join(", ", Workloads.BuiltInNetworks.Names)}");
            }
        }

        string? shared = config.Data.ValNetworks.FirstOrDefault(config.Data.TestNetworks.Contains);
        if (shared is not null)
        {
            throw new UsageException($"data.val_networks: '{shared}' is also a test network; validation must not see the test split");
        }

        if (!(config.Data.SyntheticTransformerShare is >= 0 and <= 1))
        {
            throw new UsageException($"data.synthetic_transformer_share must be in [0, 1], got {config.Data.SyntheticTransformerShare}");
        }

        if (config.Data.NearOptimalTolerance < 0)
        {
            throw new UsageException("data.near_optimal_tolerance must be ≥ 0");
        }

        if (!Methods.Gan.DesignGenerator.Kinds.Contains(config.Model.Generator))
        {
            throw new UsageException($"model.generator: unknown generator '{config.Model.Generator}'; allowed: {string.Join(", ", Methods.Gan.DesignGenerator.Kinds)}");
        }

        Positive(config.Model.NoiseDim, "model.noise_dim");
        Positive(config.Model.Hidden, "model.hidden");
        Positive(config.Model.Layers, "model.layers");
        Positive(config.Train.Steps, "train.steps");
        Positive(config.Train.BatchSize, "train.batch_size");
        Positive(config.Train.SurrogateBatchSize, "train.surrogate_batch_size");
        Positive(config.Train.LogEvery, "train.log_every");
        Positive(config.Train.EvalEvery, "train.eval_every");
        Positive(config.Train.ValQueries, "train.val_queries");
        Positive(config.Train.HistogramEvery, "train.histogram_every");
        Positive(config.Generate.Candidates, "generate.candidates");
        if (config.Compare.Split is not ("test" or "val"))
        {
            throw new UsageException($"compare.split '{config.Compare.Split}' is not allowed; allowed: test (reported figures), val (tuning)");
        }
        if (!Methods.Gan.CandidateRanker.Names.Contains(config.Generate.Ranker))
        {
            throw new UsageException($"generate.ranker '{config.Generate.Ranker}' is not a ranker; allowed: {string.Join(", ", Methods.Gan.CandidateRanker.Names)}");
        }

        if (config.Generate.Calls < 0)
        {
            throw new UsageException($"generate.calls must be 0 (no limit) or a positive number of calls, not {config.Generate.Calls}");
        }
        if (config.Train.SurrogateSteps < 0 || config.Train.MappingSteps < 0 || config.Train.RankingHeadSteps < 0)
        {
            throw new UsageException("train.surrogate_steps, train.mapping_steps and train.ranking_head_steps must be ≥ 0");
        }

        Positive(config.Train.RankingHeadCandidates, "train.ranking_head_candidates");
        Positive(config.Train.RankingHeadBatchSize, "train.ranking_head_batch_size");
        Positive(config.Train.RankingHeadHidden, "train.ranking_head_hidden");
        Positive(config.Train.RankingHeadLayers, "train.ranking_head_layers");
        if (config.Train.RankingHeadTemperatures.Count == 0 || config.Train.RankingHeadTemperatures.Any(t => !(t > 0)))
        {
            throw new UsageException($"train.ranking_head_temperatures must list one or more temperatures > 0, got [{string.Join(", ", config.Train.RankingHeadTemperatures)}]");
        }

        Positive(config.Train.MappingBatchSize, "train.mapping_batch_size");
        if (config.Train.Teacher is not ("streaming" or "exact"))
        {
            throw new UsageException($"train.teacher '{config.Train.Teacher}' is not allowed; allowed: streaming, exact");
        }

        foreach ((string name, double value) in new[]
        {
            ("train.generator_lr", config.Train.GeneratorLr), ("train.discriminator_lr", config.Train.DiscriminatorLr),
            ("train.surrogate_lr", config.Train.SurrogateLr), ("train.ranking_head_lr", config.Train.RankingHeadLr), ("train.gumbel_tau_start", config.Train.GumbelTauStart),
            ("train.gumbel_tau_end", config.Train.GumbelTauEnd), ("train.lr_final_fraction", config.Train.LrFinalFraction), ("generate.temperature", config.Generate.Temperature),
            ("generate.slot_temperature", config.Generate.SlotTemperature),
        })
        {
            if (!(value > 0))
            {
                throw new UsageException($"{name} must be positive, got {value}");
            }
        }

        CompareConfig compare = config.Compare;
        if (compare.Methods.Count == 0 || compare.Methods.Distinct().Count() != compare.Methods.Count)
        {
            throw new UsageException("compare.methods must name at least one method, each once");
        }

        Positive(compare.Seeds, "compare.seeds");
        Positive(compare.Queries, "compare.queries");
        Positive(compare.Budget, "compare.budget");
        Positive(compare.TopUpRounds, "compare.top_up_rounds");
        config.Methods.Validate();

        if (config.Data.Seed < -1)
        {
            throw new UsageException($"data.seed must be ≥ 0, or −1 to follow seed; got {config.Data.Seed}");
        }

    }

    private static void Positive(long value, string path)
    {
        if (value <= 0)
        {
            throw new UsageException($"{path} must be positive, got {value}");
        }
    }

    private static void NonEmptyPositive(IEnumerable<double> values, string path)
    {
        var list = values.ToList();
        if (list.Count == 0 || list.Any(v => !(v > 0)))
        {
            throw new UsageException($"{path} must be a non-empty list of positive numbers");
        }
    }
}
