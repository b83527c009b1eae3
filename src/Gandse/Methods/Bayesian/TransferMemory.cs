using static TorchSharp.torch;

namespace Gandse.Methods.Bayesian;

/// <summary>
/// What bo-transfer carries from one query to the next, after Apollo: observations of earlier queries, each as
/// its design's encoding with that query's condition features appended, so one GP over (design, condition) can
/// warm-start a new query. Per finished query it keeps the best few and as many others drawn at random (the
/// good region and the landscape around it), and of those the most recent <see cref="Capacity"/>.
/// </summary>
public sealed class TransferMemory
{
    private readonly List<(double[] Ordinal, long[] Categorical, double Value, double Slack)> _points = new();

    /// <summary>A memory of at most <paramref name="capacity"/> observations.</summary>
    public TransferMemory(int capacity) => Capacity = capacity;

    /// <summary>The most observations kept.</summary>
    public int Capacity { get; }

    /// <summary>How many observations it holds.</summary>
    public int Count => _points.Count;

    /// <summary>Keeps up to half of <see cref="Capacity"/> of one finished query's observations: its best quarter of that and random others.</summary>
    /// <param name="ordinal">[n, D + F] positions with the condition's features.</param>
    /// <param name="categorical">[n, C] choices.</param>
    /// <param name="values">The query's objective values, higher better.</param>
    /// <param name="slacks">Their slacks (NaN for a query without unknown constraints); the best are the best by merit.</param>
    /// <param name="sampler">Draws the random others.</param>
    public void Remember(Tensor ordinal, Tensor categorical, IReadOnlyList<double> values, IReadOnlyList<double> slacks, Generator sampler)
    {
        int n = values.Count, keep = Math.Min(n, Math.Max(1, Capacity / 2)), best = Math.Max(1, keep / 4);
        int[] ranked = Enumerable.Range(0, n).OrderByDescending(i => BayesianHistory.Merit(values[i], slacks[i])).ToArray();
        long[] shuffled = n > best ? randperm(n - best, generator: sampler).data<long>().ToArray() : Array.Empty<long>();
        IEnumerable<int> chosen = ranked.Take(best).Concat(shuffled.Take(keep - best).Select(r => ranked[best + (int)r]));
        // TorchSharp cannot copy out a tensor with no elements (a space without categorical parameters).
        double[] o = ordinal.numel() == 0 ? Array.Empty<double>() : ordinal.to_type(ScalarType.Float64).contiguous().data<double>().ToArray();
        long[] c = categorical.numel() == 0 ? Array.Empty<long>() : categorical.to_type(ScalarType.Int64).contiguous().data<long>().ToArray();
        int dOrdinal = (int)ordinal.shape[1], dCategorical = (int)categorical.shape[1];
        foreach (int i in chosen)
        {
            _points.Add((o.AsSpan(i * dOrdinal, dOrdinal).ToArray(), c.AsSpan(i * dCategorical, dCategorical).ToArray(), values[i], slacks[i]));
        }

        if (_points.Count > Capacity)
        {
            _points.RemoveRange(0, _points.Count - Capacity);
        }
    }

    /// <summary>The kept observations as [m, D + F] positions, [m, C] choices, [m] values and [m] slacks (NaN where none).</summary>
    public (Tensor Ordinal, Tensor Categorical, double[] Values, double[] Slacks) Observations(int ordinalWidth, int categoricalWidth) => (
        tensor(_points.SelectMany(p => p.Ordinal).ToArray(), new long[] { _points.Count, ordinalWidth }, ScalarType.Float64),
        tensor(_points.SelectMany(p => p.Categorical).ToArray(), new long[] { _points.Count, categoricalWidth }),
        _points.Select(p => p.Value).ToArray(),
        _points.Select(p => p.Slack).ToArray());
}
