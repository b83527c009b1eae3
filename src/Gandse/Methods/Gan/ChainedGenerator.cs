using Gandse.Config;
using Gandse.Tasks;
using TorchSharp;
using static TorchSharp.torch;

namespace Gandse.Methods.Gan;

/// <summary>
/// A trunk MLP encodes (z, c); one head per chained parameter reads the trunk and the one-hots drawn so far, so
/// the array's columns are drawn knowing its rows, say. Per-layer slots (a network's dataflows) share one head
/// that reads a projection of the trunk, the chained (hardware) one-hots and positions, the condition's global
/// features (those before the slot features: budgets, bandwidth), the slot's own features and the task's
/// closed-form features of the slot on the drawn hardware (<see cref="SlotInteraction"/>): given the hardware,
/// each layer's best dataflow depends on that layer alone, and the shared head carries what it learns to layers
/// and networks it has not seen.
/// </summary>
public sealed class ChainedGenerator : DesignGenerator
{
    private const int SlotContext = 32;

    // Far beyond any Gumbel noise or sampling temperature: a padding slot always draws choice 0.
    private const float PaddingLogit = 1e4f;

    // The slot head runs once per layer slot and candidate (56 × 1,024 rows per query), so it is kept narrow.
    private const int SlotHidden = 128;

    private readonly Mlp trunk;
    private readonly TorchSharp.Modules.ModuleList<Mlp> heads;
    private readonly TorchSharp.Modules.Linear? slot_context;
    private readonly Mlp? slot_head;
    private readonly Tensor? slot_positions;
    private readonly int _slots;

    /// <summary>A generator drawing the blocks in the order <paramref name="layout"/> gives, each conditioned on the ones before.</summary>
    public ChainedGenerator(int inputs, IReadOnlyList<int> blocks, GeneratorLayout layout, int hidden, int layers)
        : base("generator", blocks, layout)
    {
        _slots = Blocks.Length - layout.Chained;
        if (_slots > 0 && (layout.SlotFeatureWidth <= 0 || Blocks.Skip(layout.Chained).Distinct().Count() != 1))
        {
            throw new ArgumentException("slot parameters need slot features and equal choice counts", nameof(layout));
        }

        trunk = new Mlp("trunk", inputs, hidden, Math.Max(1, layers - 1), hidden, leaky: false);
        int prefix = 0;
        var chainedHeads = new Mlp[layout.Chained];
        for (int p = 0; p < layout.Chained; p++)
        {
            chainedHeads[p] = new Mlp($"head{p}", hidden + prefix, hidden, 1, Blocks[p], leaky: false);
            prefix += Blocks[p];
        }

        heads = nn.ModuleList(chainedHeads);
        if (_slots > 0)
        {
            slot_context = nn.Linear(hidden, SlotContext);
            int slotInputs = SlotContext + prefix + layout.Chained + layout.SlotFeatureOffset + layout.SlotFeatureWidth + (layout.Interaction?.Width ?? 0);
            slot_head = new Mlp("slot_head", slotInputs, SlotHidden, 3, Blocks[layout.Chained], leaky: false);
            slot_positions = Positions(Blocks.Take(layout.Chained).ToArray());
        }

        RegisterComponents();
    }

    /// <inheritdoc/>
    public override Tensor Logits(Tensor noise, Tensor features, Tensor design) => Unroll(noise, features, design, choose: null).Logits;

    /// <inheritdoc/>
    public override Tensor StraightThrough(Tensor noise, Tensor features, double tau, Generator? sampler) =>
        Unroll(noise, features, teacher: null, (logits, _) => GumbelSoftmax.StraightThrough(logits, new[] { (int)logits.shape[^1] }, tau, sampler)).Chosen;

    /// <inheritdoc/>
    public override Tensor Sample(Tensor noise, Tensor features, double temperature, double slotTemperature, Generator? sampler)
    {
        using IDisposable noGrad = no_grad();
        Tensor oneHot = Unroll(noise, features, teacher: null, (logits, slot) =>
        {
            int size = (int)logits.shape[^1];
            double divisor = slot ? slotTemperature : temperature;
            return nn.functional.one_hot(GumbelSoftmax.Sample(logits / divisor, new[] { size }, sampler).squeeze(-1), size).to_type(logits.dtype);
        }).Chosen;
        return GumbelSoftmax.ArgMax(oneHot, Blocks);
    }

    /// <summary>
    /// [W, P] matrix taking one-hot blocks to each choice's position in [0, 1]. For powers of two (rows, buffer
    /// sizes) the position is a scaled log2, so the slot head can relate the drawn hardware to the layer's log2
    /// dims linearly (how many folds a layer needs, say) instead of learning it from one-hots.
    /// </summary>
    private static Tensor Positions(int[] blocks)
    {
        var matrix = zeros(blocks.Sum(), blocks.Length);
        int offset = 0;
        for (int p = 0; p < blocks.Length; p++)
        {
            for (int i = 0; i < blocks[p]; i++)
            {
                matrix[offset + i, p] = (float)i / Math.Max(1, blocks[p] - 1);
            }

            offset += blocks[p];
        }

        return matrix;
    }

    /// <summary>
    /// Slot logits [B, slots, size]. The head runs only on slots that hold a layer (a synthetic network fills
    /// fewer than half of them); padding slots get logits that make choice 0 certain, as in the exact labels, and
    /// pass no gradient.
    /// </summary>
    private Tensor SlotLogits(Tensor context, Tensor features, Tensor hardware, long batch, int size)
    {
        // A query's 1,024 candidates × 56 slots make these temporaries large: free them on return (autograd keeps
        // what backward needs).
        using IDisposable scope = NewDisposeScope();
        int width = Layout.SlotFeatureWidth;
        Tensor occupied = Layout.SlotPresence(features, _slots).reshape(-1).nonzero().squeeze(-1);
        Tensor owner = occupied.div(_slots, rounding_mode: RoundingMode.floor);
        Tensor slotFeatures = features.narrow(-1, Layout.SlotFeatureOffset, _slots * width).reshape(batch * _slots, width).index_select(0, occupied);
        Tensor shared = cat(new[] { slot_context!.forward(context), hardware, hardware.matmul(slot_positions!), features.narrow(-1, 0, Layout.SlotFeatureOffset) }, -1);
        var inputs = new List<Tensor> { shared.index_select(0, owner), slotFeatures };
        if (Layout.Interaction is { } interaction)
        {
            inputs.Add(interaction.Compute(hardware.index_select(0, owner), slotFeatures));
        }

        Tensor padding = zeros(batch * _slots, size);
        padding.select(-1, 0).fill_(PaddingLogit);
        return padding.index_copy(0, occupied, slot_head!.forward(cat(inputs, -1))).reshape(batch, _slots, size).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Runs the heads in order. With a <paramref name="teacher"/> design each head reads its one-hots; otherwise it
    /// reads what <paramref name="choose"/> drew from the earlier heads' logits (told whether they are the slots').
    /// </summary>
    private (Tensor Logits, Tensor Chosen) Unroll(Tensor noise, Tensor features, Tensor? teacher, Func<Tensor, bool, Tensor>? choose)
    {
        Tensor context = nn.functional.relu(trunk.forward(cat(new[] { noise, features }, -1)));
        var logits = new List<Tensor>(heads.Count + 1);
        var chosen = new List<Tensor>(heads.Count + 1);
        long offset = 0;
        for (int p = 0; p < heads.Count; p++)
        {
            Tensor input = p == 0 ? context : cat(new[] { context, teacher?.narrow(-1, 0, offset) ?? cat(chosen, -1) }, -1);
            Tensor headLogits = heads[p].forward(input);
            logits.Add(headLogits);
            chosen.Add(teacher?.narrow(-1, offset, Blocks[p]) ?? choose!(headLogits, false));
            offset += Blocks[p];
        }

        if (_slots > 0)
        {
            long batch = noise.shape[0];
            int size = Blocks[Layout.Chained];
            Tensor hardware = teacher?.narrow(-1, 0, offset) ?? cat(chosen, -1);
            Tensor slotLogits = SlotLogits(context, features, hardware, batch, size);
            logits.Add(slotLogits.reshape(batch, _slots * size));
            chosen.Add(teacher?.narrow(-1, offset, _slots * size) ?? choose!(slotLogits, true).reshape(batch, _slots * size));
        }

        return (cat(logits, -1), cat(chosen, -1));
    }
}
