using System.Collections.Concurrent;

namespace Gandse.Tasks.Maestro;

/// <summary>
/// What labelling the AIrchitect-v2 dataset found: for every labelled condition, whether the model's runtime of the
/// dataset's design equals the dataset's reward, whether that design is optimal, and how many designs share the
/// optimum (the ties that make scoring tie-aware). Thread-safe.
/// </summary>
public sealed class AirchitectLabelCheck
{
    private readonly ConcurrentQueue<string> _mismatches = new();
    private readonly ConcurrentDictionary<int, int> _ties = new();
    private int _checked, _runtimeMismatches, _notOptimal;

    /// <summary>Labels checked.</summary>
    public int Checked => _checked;

    /// <summary>Labels whose runtime in the model differs from the dataset's reward.</summary>
    public int RuntimeMismatches => _runtimeMismatches;

    /// <summary>Labels the enumeration finds beaten.</summary>
    public int NotOptimal => _notOptimal;

    /// <summary>The first few disagreements, one line each.</summary>
    public IReadOnlyList<string> Examples => _mismatches.Take(20).ToList();

    /// <summary>How many conditions had each number of optimal designs.</summary>
    public IReadOnlyDictionary<int, int> TieSizes => _ties;

    /// <summary>
    /// Records one label: the model's runtime of it, the optimum, whether it is optimal and how many designs tie;
    /// <paramref name="describe"/> writes the disagreement's line only when one is kept.
    /// </summary>
    public void Record(ConditionDraft draft, double labelRuntime, double optimum, bool optimal, int ties, Func<string> describe)
    {
        Interlocked.Increment(ref _checked);
        _ties.AddOrUpdate(ties, 1, (_, n) => n + 1);
        bool runtimeOff = draft.LabelCost is double reward && reward != labelRuntime;
        if (runtimeOff)
        {
            Interlocked.Increment(ref _runtimeMismatches);
        }

        if (!optimal)
        {
            Interlocked.Increment(ref _notOptimal);
        }

        if ((runtimeOff || !optimal) && _mismatches.Count < 20)
        {
            _mismatches.Enqueue($"{describe()}: reward {draft.LabelCost}, model {labelRuntime}, optimum {optimum}");
        }
    }
}
