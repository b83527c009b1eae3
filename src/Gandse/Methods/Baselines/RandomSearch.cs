using Gandse.Conditions;
using Gandse.Tasks;
using TorchSharp;
using static TorchSharp.torch;

namespace Gandse.Methods.Baselines;

/// <summary>Uniformly random designs: the floor every method must beat.</summary>
public sealed class RandomSearch : IMethod
{
    private readonly IDseTask _task;
    private readonly Generator _sampler;

    /// <summary>Uniform random designs of <paramref name="task"/>'s space, seeded by <paramref name="seed"/>.</summary>
    public RandomSearch(IDseTask task, long seed)
    {
        _task = task;
        _sampler = new Generator((ulong)seed);
    }

    /// <inheritdoc/>
    public string Name => "random";

    /// <inheritdoc/>
    public Tensor Propose(IReadOnlyList<Condition> conditions, int candidates) =>
        _task.Space.RandomIndices(new long[] { conditions.Count, candidates }, _sampler);
}
