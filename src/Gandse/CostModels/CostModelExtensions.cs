using Gandse.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace Gandse.CostModels;

/// <summary>Conveniences over <see cref="ICostModel"/>.</summary>
public static class CostModelExtensions
{
    /// <summary>
    /// Row i of <paramref name="designs"/> under row i of <paramref name="conditions"/>, all rows in one batched
    /// call. Returns one column of values per metric.
    /// </summary>
    public static Dictionary<string, double[]> EvaluateRows(
        this ICostModel model,
        IReadOnlyList<IReadOnlyDictionary<string, double>> designs,
        IReadOnlyList<IReadOnlyDictionary<string, double>> conditions)
    {
        if (designs.Count != conditions.Count)
        {
            throw new ArgumentException("One condition per design is needed.", nameof(conditions));
        }

        return model.EvaluateColumns(Columns(designs, model.Space.Parameters.Select(p => p.Name)), Columns(conditions, conditions.SelectMany(c => c.Keys).Distinct()));
    }

    /// <summary>Value i of every design column under value i of every condition column, in one batched call.</summary>
    public static Dictionary<string, double[]> EvaluateColumns(
        this ICostModel model, IReadOnlyDictionary<string, double[]> designs, IReadOnlyDictionary<string, double[]> conditions)
    {
        int count = designs.Values.First().Length;
        using IDisposable scope = NewDisposeScope();
        var designBatch = new ValueBatch(designs.Select(c => new KeyValuePair<string, Tensor>(c.Key, tensor(c.Value, ScalarType.Float64))));
        var conditionBatch = new ValueBatch(conditions.Select(c => new KeyValuePair<string, Tensor>(c.Key, tensor(c.Value, ScalarType.Float64))));
        ValueBatch metrics = model.EvaluateChunked(designBatch, conditionBatch);
        return model.MetricNames.ToDictionary(
            name => name,
            name => metrics[name].expand(count).contiguous().data<double>().ToArray());
    }

    private static Dictionary<string, double[]> Columns(IReadOnlyList<IReadOnlyDictionary<string, double>> rows, IEnumerable<string> names) =>
        names.ToDictionary(
            name => name,
            name => rows.Select(row => row.TryGetValue(name, out double value) ? value : double.NaN).ToArray());

    /// <summary>Elements per chunk: 65,536 float64 values (512 KB) stay cache-resident and below glibc's mmap threshold.</summary>
    public const long DefaultChunkElements = 1L << 16;

    /// <summary>
    /// <see cref="ICostModel.Evaluate"/> on cache-sized pieces: the broadcast batch is cut along its largest axis
    /// into slices of about <paramref name="chunkElements"/> elements and the results are joined again. Same
    /// values as one call; several times the throughput on large batches, whose temporaries would otherwise
    /// each be a fresh, page-faulting allocation far bigger than the caches.
    /// </summary>
    public static ValueBatch EvaluateChunked(this ICostModel model, ValueBatch designs, ValueBatch conditions, long chunkElements = DefaultChunkElements)
    {
        long[] shape = BroadcastShape.Of(designs.Names.Select(n => designs[n].shape).Concat(conditions.Names.Select(n => conditions[n].shape)));
        long total = shape.Aggregate(1L, (product, size) => product * size);
        if (total <= chunkElements || shape.Length == 0)
        {
            return model.Evaluate(designs, conditions);
        }

        int axis = Array.IndexOf(shape, shape.Max());
        long sliceSize = Math.Max(1, chunkElements / (total / shape[axis]));
        ValueBatch? results = null;
        for (long start = 0; start < shape[axis]; start += sliceSize)
        {
            long length = Math.Min(sliceSize, shape[axis] - start);

            // Each slice's temporaries are freed before the next slice, so the allocator reuses warm memory.
            using IDisposable scope = NewDisposeScope();
            ValueBatch metrics = model.Evaluate(Slice(designs, shape.Length, axis, start, length), Slice(conditions, shape.Length, axis, start, length));
            if (results is null)
            {
                results = new ValueBatch(metrics.Names.Select(name =>
                    new KeyValuePair<string, Tensor>(name, empty(shape, metrics[name].dtype).MoveToOuterDisposeScope())));
            }

            foreach (string name in metrics.Names)
            {
                results[name].narrow(axis, start, length).copy_(metrics[name]);
            }
        }

        return results!;
    }

    private static ValueBatch Slice(ValueBatch batch, int rank, int axis, long start, long length) => batch.Map(t =>
    {
        // Align to the broadcast rank (leading axes of size 1), then narrow only tensors that span the axis.
        Tensor aligned = t.dim() < rank ? t.reshape(Enumerable.Repeat(1L, rank - (int)t.dim()).Concat(t.shape).ToArray()) : t;
        return aligned.shape[axis] == 1 ? aligned : aligned.narrow(axis, start, length);
    });

    /// <summary>One design under one condition.</summary>
    public static Dictionary<string, double> EvaluateOne(
        this ICostModel model, IReadOnlyDictionary<string, double> design, IReadOnlyDictionary<string, double> condition) =>
        model.EvaluateRows(new[] { design }, new[] { condition }).ToDictionary(pair => pair.Key, pair => pair.Value[0]);
}
