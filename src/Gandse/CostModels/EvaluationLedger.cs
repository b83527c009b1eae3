using System.Globalization;
using System.Text;
using Gandse.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace Gandse.CostModels;

/// <summary>
/// Charges every exact cost-model evaluation to the query that caused it, while a ledger is open on this thread
/// (<see cref="Open"/>). Tasks charge from inside their evaluation, so calls a method makes while proposing,
/// mapping completion and verification are all counted, whoever makes them. A query is known by its condition
/// values; a design or layer run is charged once per query however often it is asked for, as a simulator
/// cache would serve it. With no ledger open (training, labelling) nothing is recorded.
/// </summary>
public sealed class EvaluationLedger : IDisposable
{
    [ThreadStatic]
    private static EvaluationLedger? t_current;

    private readonly EvaluationLedger? _previous;
    private readonly Dictionary<string, (HashSet<string> Designs, HashSet<long> Layers)> _queries = new(StringComparer.Ordinal);
    private long _analytic;
    private bool _disposed;

    private EvaluationLedger(EvaluationLedger? previous) => _previous = previous;

    /// <summary>The ledger open on this thread, or null.</summary>
    public static EvaluationLedger? Current => t_current;

    /// <summary>Opens a ledger on this thread until it is disposed; an outer one is suspended meanwhile.</summary>
    public static EvaluationLedger Open() => t_current = new EvaluationLedger(t_current);

    /// <summary>Closed-form evaluations made while proposing, for the queries the ledger serves as a whole.</summary>
    public long Analytic => _analytic;

    /// <summary>Closes the ledger: evaluations after this are no longer charged to it.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            t_current = _previous;
        }
    }

    /// <summary>
    /// Charges candidates [Q, N, P] (choice indices) evaluated under <paramref name="conditionValues"/> (rows Q):
    /// each a design, and the layer runs <paramref name="layerKeys"/> names for it (query row, the design's indices).
    /// </summary>
    public void ChargeDesigns(ValueBatch conditionValues, Tensor candidates, Func<int, long[], IEnumerable<long>> layerKeys) =>
        Charge(conditionValues, candidates, layerKeys, designs: true);

    /// <summary>Charges layer runs only (mapping completion tries dataflows without evaluating a whole design).</summary>
    public void ChargeLayers(ValueBatch conditionValues, Tensor candidates, Func<int, long[], IEnumerable<long>> layerKeys) =>
        Charge(conditionValues, candidates, layerKeys, designs: false);

    /// <summary>Charges <paramref name="evaluations"/> closed-form evaluations (features, bounds), counted apart from cost-model calls.</summary>
    public void ChargeAnalytic(long evaluations) => _analytic += evaluations;

    /// <summary>The exact evaluations charged to the query of <paramref name="oneQuery"/> (a one-row condition batch).</summary>
    public EvaluationCount CountOf(ValueBatch oneQuery) =>
        _queries.TryGetValue(QueryKeys(oneQuery, 1)[0], out var entry) ? new EvaluationCount(entry.Designs.Count, entry.Layers.Count, 0) : default;

    /// <summary>The number of queries charged so far.</summary>
    public int QueryCount => _queries.Count;

    private void Charge(ValueBatch conditionValues, Tensor candidates, Func<int, long[], IEnumerable<long>> layerKeys, bool designs)
    {
        int queries = (int)candidates.shape[0], perQuery = (int)candidates.shape[1], width = (int)candidates.shape[2];
        string[] keys = QueryKeys(conditionValues, queries);
        long[] indices = candidates.to_type(ScalarType.Int64).contiguous().data<long>().ToArray();
        var design = new long[width];
        for (int q = 0; q < queries; q++)
        {
            if (!_queries.TryGetValue(keys[q], out var entry))
            {
                entry = (new HashSet<string>(StringComparer.Ordinal), new HashSet<long>());
                _queries[keys[q]] = entry;
            }

            for (int n = 0; n < perQuery; n++)
            {
                Array.Copy(indices, ((long)q * perQuery + n) * width, design, 0, width);
                if (designs)
                {
                    entry.Designs.Add(string.Join(',', design));
                }

                entry.Layers.UnionWith(layerKeys(q, design));
            }
        }
    }

    /// <summary>One key per query row: every condition value of the row, by name; values shared by all rows (scalars) included.</summary>
    public static string[] QueryKeys(ValueBatch conditionValues, int rows)
    {
        var keys = Enumerable.Range(0, rows).Select(_ => new StringBuilder()).ToArray();
        foreach (string name in conditionValues.Names.OrderBy(n => n, StringComparer.Ordinal))
        {
            Tensor values = conditionValues[name];
            bool perRow = values.dim() > 0 && values.shape[0] == rows;
            double[] data = (perRow ? values.reshape(rows, -1) : values.reshape(1, -1)).to_type(ScalarType.Float64).contiguous().data<double>().ToArray();
            int width = data.Length / (perRow ? rows : 1);
            for (int r = 0; r < rows; r++)
            {
                keys[r].Append(name).Append('=');
                for (int i = 0; i < width; i++)
                {
                    keys[r].Append(data[((perRow ? r : 0) * width) + i].ToString("R", CultureInfo.InvariantCulture)).Append(',');
                }
            }
        }

        return keys.Select(k => k.ToString()).ToArray();
    }
}
