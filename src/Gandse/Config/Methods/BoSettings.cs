namespace Gandse.Config;

/// <summary><c>methods.bo</c>: Bayesian optimisation per query with a Gaussian process (<c>Methods/Bayesian</c>).</summary>
public sealed class BoSettings
{
    /// <summary>Random designs (within the known budgets) evaluated before the GP takes over.</summary>
    public int InitialDesigns { get; set; } = 8;

    /// <summary>ei (expected improvement) or ucb (upper confidence bound).</summary>
    public string Acquisition { get; set; } = "ei";

    /// <summary>β of the upper confidence bound.</summary>
    public double UcbBeta { get; set; } = 2.0;

    /// <summary>Largest batch of designs chosen per GP fit; batches grow with the evaluations (a quarter of them), up to this.</summary>
    public int MaxBatch { get; set; } = 32;

    /// <summary>Random candidates scored by the acquisition each round.</summary>
    public int RandomCandidates { get; set; } = 512;

    /// <summary>Candidates made each round by mutating one or two parameters of the best designs so far.</summary>
    public int LocalCandidates { get; set; } = 512;

    /// <summary>Most observations the GP conditions on (the best half and a random half of the rest beyond it).</summary>
    public int MaxPoints { get; set; } = 256;

    /// <summary>Adam steps on the GP's hyperparameters per refit.</summary>
    public int FitSteps { get; set; } = 30;

    /// <summary>Rounds between hyperparameter refits (the GP is conditioned on new data every round).</summary>
    public int RefitEvery { get; set; } = 4;

    /// <summary>bo-transfer: observations of earlier queries the GP keeps (the best and a random sample of each, most recent first).</summary>
    public int TransferPoints { get; set; } = 128;

    /// <summary>
    /// How constraints only an evaluation can check (a latency target) enter: model (a second GP on the slack;
    /// constrained expected improvement) or penalty (folded into the objective as the searches' fitness).
    /// </summary>
    public string Feasibility { get; set; } = "model";

    /// <summary>Refuses values that cannot work, naming the key.</summary>
    public void Validate()
    {
        foreach ((double value, string key) in new[]
        {
            ((double)InitialDesigns, "initial_designs"), (MaxBatch, "max_batch"), (RandomCandidates, "random_candidates"),
            (MaxPoints, "max_points"), (RefitEvery, "refit_every"), (UcbBeta, "ucb_beta"), (TransferPoints, "transfer_points"),
        })
        {
            MethodsConfig.Positive(value, "methods.bo." + key);
        }

        if (LocalCandidates < 0 || FitSteps < 0)
        {
            throw new UsageException("methods.bo.local_candidates and methods.bo.fit_steps must be 0 or more");
        }

        if (Feasibility is not ("model" or "penalty"))
        {
            throw new UsageException($"methods.bo.feasibility '{Feasibility}' is not allowed; allowed: model, penalty");
        }

        if (!Methods.Bayesian.Acquisition.Names.Contains(Acquisition))
        {
            throw new UsageException($"methods.bo.acquisition '{Acquisition}' is not allowed; allowed: {string.Join(", ", Methods.Bayesian.Acquisition.Names)}");
        }
    }
}
