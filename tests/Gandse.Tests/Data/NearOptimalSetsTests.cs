using Gandse.Config;
using Gandse.CostModels.Systolic;
using Gandse.Data;
using Gandse.Spaces;
using Gandse.Tasks;
using Gandse.Tasks.Systolic;
using Gandse.Workloads;
using static TorchSharp.torch;

namespace Gandse.Tests.Data;

public class NearOptimalSetsTests
{
    private static readonly SystolicGemmTask Task = new(false, new DataConfig());

    [Fact]
    public void Picks_come_only_from_each_conditions_own_set_and_reach_all_of_it()
    {
        Design a = Design(1), b = Design(2), c = Design(3), optimum = Design(4);
        var conditions = new[] { Labelled(optimum, a, b, c), Labelled(optimum) };
        NearOptimalSets sets = NearOptimalSets.Of(Task, conditions);

        Tensor picks = sets.Pick(tensor(Enumerable.Repeat(0L, 300).Concat(Enumerable.Repeat(1L, 50)).ToArray()), new Generator(7));

        long[][] rows = Enumerable.Range(0, 350).Select(i => picks[i].data<long>().ToArray()).ToArray();
        Assert.Equal(new[] { a, b, c }.Select(d => string.Join(",", d.Indices)).OrderBy(s => s), rows.Take(300).Select(r => string.Join(",", r)).Distinct().OrderBy(s => s));
        // An empty set stands for the optimum alone.
        Assert.All(rows.Skip(300), r => Assert.Equal(optimum.Indices, r.Select(v => (int)v)));
        Assert.Equal(new long[] { 3, 1 }, sets.Counts.data<long>().ToArray());
    }

    private static Design Design(int rows)
    {
        var indices = new int[Task.Space.Parameters.Count];
        indices[0] = rows;
        return new Design(indices);
    }

    private static LabelledCondition Labelled(Design optimum, params Design[] near) =>
        new(SystolicConditions.Of(new Gemm(64, 64, 64), 1024), optimum, new Dictionary<string, double>(), near);
}
