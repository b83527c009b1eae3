using Gandse.Conditions;
using Gandse.Tasks;
using Gandse.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace Gandse.Methods.Baselines;

/// <summary>
/// Deep RL, per-query search (ConfuciuX's mode): for each query a fresh autoregressive policy, trained with
/// REINFORCE on that query's rewards only, in batches, until the budget of cost-model calls is spent. Every
/// sampled design is returned in the order evaluated.
/// </summary>
public sealed class RlSearch : IMethod
{
    private readonly IDseTask _task;
    private readonly Config.RlSearchSettings _settings;
    private readonly int _batch;
    private readonly long _seed;

    /// <summary>A per-query policy-gradient search on <paramref name="task"/>, seeded by <paramref name="seed"/>.</summary>
    public RlSearch(IDseTask task, Config.RlSearchSettings settings, long seed)
    {
        _task = task;
        _settings = settings;
        _batch = settings.Batch;
        _seed = seed;
    }

    /// <inheritdoc/>
    public string Name => "rl-search";

    /// <inheritdoc/>
    public Tensor Propose(IReadOnlyList<Condition> conditions, int candidates)
    {
        int[] blocks = _task.Space.Parameters.Select(p => p.Count).ToArray();
        var results = new List<Tensor>(conditions.Count);
        for (int q = 0; q < conditions.Count; q++)
        {
            using IDisposable scope = NewDisposeScope();
            torch.random.manual_seed(_seed + q);
            var sampler = new Generator((ulong)(_seed + q));
            var policy = new PolicyNetwork(0, blocks, _settings.Hidden, _settings.Layers);
            var optimizer = optim.Adam(policy.parameters(), _settings.Lr);
            ValueBatch values = _task.ConditionValues(new[] { conditions[q] });
            var sampled = new List<Tensor>();
            for (int spent = 0; spent < candidates; spent += _batch)
            {
                int size = Math.Min(_batch, candidates - spent);
                Tensor none = zeros(size, 0);
                (Tensor designs, Tensor logProbability, Tensor entropy) = policy.Sample(none, sampler);
                Tensor reward = Fitness.Of(_task, _task.Evaluate(values, designs.unsqueeze(0))).squeeze(0);
                sampled.Add(designs.detach());
                if (size > 1)
                {
                    Tensor loss = ReinforceUpdate.Loss(reward, policy.Value(ones(size, 1)), logProbability, entropy, _settings.EntropyBonus);
                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
                }
            }

            results.Add(cat(sampled, 0).MoveToOuterDisposeScope());
        }

        return stack(results, 0);
    }
}
