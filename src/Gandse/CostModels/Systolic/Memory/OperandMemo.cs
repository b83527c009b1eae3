using System.Collections.Concurrent;

namespace Gandse.CostModels.Systolic.Memory;

/// <summary>
/// Results of operand walks already done, by operand and the values it reads. Searches and validation ask for the
/// same operand again and again (an exact optimum's batches share arrays and buffer sizes; a generator proposes the
/// same design many times). Bounded: cleared when it reaches <see cref="Capacity"/> entries.
/// </summary>
internal sealed class OperandMemo
{
    public const int Capacity = 1 << 18;

    private readonly ConcurrentDictionary<(int Operand, long Rows, long Cols, int Dataflow, double Kilobytes, long M, long N, long K, long Bandwidth), (long Dram, long Stall)> _results = new();

    private int _count;

    public (long Dram, long Stall) GetOrAdd(int operand, long rows, long cols, Dataflow dataflow, double kilobytes, long m, long n, long k, long bandwidth, Func<(long, long)> walk)
    {
        var key = (operand, rows, cols, (int)dataflow, kilobytes, m, n, k, bandwidth);
        if (_results.TryGetValue(key, out (long, long) known))
        {
            return known;
        }

        (long, long) result = walk();
        if (_results.TryAdd(key, result) && Interlocked.Increment(ref _count) >= Capacity)
        {
            // ConcurrentDictionary.Count takes every lock; a counter keeps inserts from serialising the walkers.
            _results.Clear();
            Interlocked.Exchange(ref _count, 0);
        }

        return result;
    }
}
