namespace Gandse.Config;

/// <summary>
/// Settings that moved, old key → new key. Configs saved inside checkpoints and comparison results are migrated
/// on load, so every checkpoint written before a move still loads; an experiment file or a <c>--set</c> using an
/// old key is refused with the new key named, so the user's file gets fixed rather than silently reinterpreted.
/// </summary>
public static class ConfigMigrations
{
    /// <summary>
    /// Gandse 0.1 kept each baseline's settings as flat <c>compare.*</c> keys (now <c>methods.*</c> sections) and the
    /// systolic budgets to draw as <c>data.*_budgets</c> lists (now <c>data.draw</c>, by condition field).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Renamed = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["compare.gan_checkpoint"] = "methods.gan.checkpoint",
        ["compare.mlp_steps"] = "methods.mlp.steps",
        ["compare.mlp_lr"] = "methods.mlp.lr",
        ["compare.mlp_temperature"] = "methods.mlp.temperature",
        ["compare.rl_steps"] = "methods.rl_amortised.steps",
        ["compare.rl_batch_size"] = "methods.rl_amortised.batch_size",
        ["compare.rl_lr"] = "methods.rl_amortised.lr",
        ["compare.rl_entropy_bonus"] = "methods.rl_amortised.entropy_bonus",
        ["compare.rl_reward_penalty"] = "methods.rl_amortised.reward_penalty",
        ["compare.rl_search_entropy_bonus"] = "methods.rl_search.entropy_bonus",
        ["compare.rl_search_batch"] = "methods.rl_search.batch",
        ["compare.rl_search_lr"] = "methods.rl_search.lr",
        ["compare.evolution_population"] = "methods.evolutionary.population",
        ["data.mac_budgets"] = "data.draw.mac_budget",
        ["data.sram_budgets_kb"] = "data.draw.sram_budget_kb",
        ["data.dram_bandwidths"] = "data.draw.dram_bw",
    };
}
