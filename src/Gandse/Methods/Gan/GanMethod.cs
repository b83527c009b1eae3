using Gandse.Conditions;
using Gandse.Tasks;
using Gandse.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace Gandse.Methods.Gan;

/// <summary>
/// One-shot generation: for each query, <c>candidates</c> noise vectors through the generator, one design
/// sampled per logit set (Gumbel-max), then ordered best first by the GAN's own ranking
/// (<see cref="CandidateRanker"/>), so that a budget of N verified calls goes to the N it rates best.
/// Verification and selection are the harness's.
/// </summary>
public sealed class GanMethod : IMethod
{
    private readonly IDseTask _task;
    private readonly GanNetworks _networks;
    private readonly RankingHead? _head;
    private readonly Generator _sampler;
    private readonly int[] _blocks;

    /// <summary>The trained networks (with their ranking head, for <c>head</c>) as a method: samples at <paramref name="temperature"/> (hardware) and <paramref name="slotTemperature"/> (per-layer slots), seeded by <paramref name="seed"/>.</summary>
    public GanMethod(IDseTask task, GanNetworks networks, long seed, double temperature = 1.0, double slotTemperature = 1.0, string ranker = "none", RankingHead? head = null)
    {
        _head = head;
        Ranker = ranker;
        Temperature = temperature;
        SlotTemperature = slotTemperature;
        _task = task;
        _networks = networks;
        _sampler = new Generator((ulong)seed);
        _blocks = task.Space.Parameters.Select(p => p.Count).ToArray();
    }

    /// <inheritdoc/>
    public string Name => "gan";

    /// <summary>Sampling temperature: logits are divided by it, so above 1 the candidates spread wider.</summary>
    public double Temperature { get; }

    /// <summary>Sampling temperature of per-layer parameters (a network's dataflows).</summary>
    public double SlotTemperature { get; }

    /// <summary>How candidates are ordered before verification (<see cref="CandidateRanker.Names"/>).</summary>
    public string Ranker { get; }

    /// <inheritdoc/>
    public Tensor Propose(IReadOnlyList<Condition> conditions, int candidates)
    {
        using IDisposable noGrad = no_grad();
        Tensor features = _task.Features(conditions).repeat_interleave(candidates, 0);
        ValueBatch rows = _task.ConditionValues(conditions).Map(t => t.repeat_interleave(candidates, 0));
        var scores = new List<Tensor>();
        // Sampled (and scored) a slice of rows at a time, for bounded memory; the sampler's stream runs on across slices.
        Tensor designs = CandidateChunks.Join(features.shape[0], (start, length) =>
        {
            Tensor noise = randn(new long[] { length, _networks.NoiseDim }, generator: _sampler);
            Tensor slice = _networks.Generator.Sample(noise, features.narrow(0, start, length), Temperature, SlotTemperature, _sampler);
            Tensor? score = CandidateRanker.Score(Ranker, _task, _networks, _head, slice, features.narrow(0, start, length), rows.Map(t => t.narrow(0, start, length)));
            if (score is not null)
            {
                scores.Add(score.MoveToOuterDisposeScope());
            }

            return slice;
        });
        Tensor proposals = designs.reshape(conditions.Count, candidates, _blocks.Length);
        if (scores.Count == 0)
        {
            return proposals;
        }

        Tensor all = cat(scores, 0).reshape(conditions.Count, candidates);
        // Bands of 1/20 in log2 cost (about 3.5 %): chosen on systolic-gemm's validation split among 1e6 (equal bounds only), 20 and 4.
        return Ranker is "spread" or "head-spread" ? CandidateRanker.OrderSpread(proposals, all, 20, interleave: Ranker == "head-spread") : CandidateRanker.Order(proposals, all);
    }
}
