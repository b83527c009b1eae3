using Gandse.Config;
using Gandse.Methods.Bayesian;
using Gandse.Spaces;
using TorchSharp;
using static TorchSharp.torch;

namespace Gandse.Tests.Methods.Bayesian;

public sealed class TransferTests
{
    private static readonly DesignSpace Toy = new("toy", new Parameter[]
    {
        new OrdinalParameter("x", Enumerable.Range(0, 32).Select(i => (double)i)),
        new OrdinalParameter("y", Enumerable.Range(0, 32).Select(i => (double)i)),
        new CategoricalParameter("kind", new[] { "a", "b", "c" }),
    });

    // A family of related queries: the optimum sits at (shift, 0.7) with choice 2, and the context feature is the shift.
    private static Func<Tensor, Tensor> Objective(double shift) => designs =>
    {
        Tensor x = designs.select(1, 0).to_type(ScalarType.Float64) / 31, y = designs.select(1, 1).to_type(ScalarType.Float64) / 31;
        Tensor bonus = designs.select(1, 2).eq(2).to_type(ScalarType.Float64) * 0.5;
        return -(((x - shift).square() + (y - 0.7).square()) * 10) + bonus;
    };

    private static Tensor Any(Tensor designs) => ones(designs.shape[0], dtype: ScalarType.Bool);

    private static int CallsToOptimum(Tensor evaluated, Func<Tensor, Tensor> objective)
    {
        double[] values = objective(evaluated).data<double>().ToArray();
        int first = Array.FindIndex(values, v => v > 0.5 - 0.05);
        return first < 0 ? int.MaxValue : first + 1;
    }

    [Fact]
    public void After_related_queries_a_warm_start_finds_the_next_ones_optimum_in_fewer_calls_than_a_cold_search()
    {
        using IDisposable scope = NewDisposeScope();
        int cold = 0, warm = 0;
        for (int seed = 0; seed < 3; seed++)
        {
            var settings = new BoSettings { InitialDesigns = 6 };
            var memory = new TransferMemory(settings.TransferPoints);
            var loop = new BayesianLoop(Toy, settings, new Generator((ulong)seed));
            foreach (double shift in new[] { 0.2, 0.3 })
            {
                loop.Run(40, Objective(shift), Any, memory, tensor(new[] { shift }));
            }

            Func<Tensor, Tensor> next = Objective(0.25);
            warm += Math.Min(41, CallsToOptimum(loop.Run(40, next, Any, memory, tensor(new[] { 0.25 })), next));
            cold += Math.Min(41, CallsToOptimum(new BayesianLoop(Toy, settings, new Generator((ulong)seed)).Run(40, next, Any), next));
        }

        Assert.True(warm < cold, $"calls to within 0.05 of the optimum over 3 seeds: warm {warm}, cold {cold}");
        Assert.True(warm <= 3 * 5, $"warm start took {warm} calls over 3 seeds");
    }

    [Fact]
    public void With_nothing_remembered_yet_the_first_query_is_searched_exactly_as_without_transfer()
    {
        using IDisposable scope = NewDisposeScope();
        var settings = new BoSettings { InitialDesigns = 6 };

        Tensor plain = new BayesianLoop(Toy, settings, new Generator(4)).Run(20, Objective(0.3), Any);
        Tensor first = new BayesianLoop(Toy, settings, new Generator(4)).Run(20, Objective(0.3), Any, new TransferMemory(64), tensor(new[] { 0.3 }));

        Assert.Equal(plain.shape, first.shape);
        Assert.Equal(plain.data<long>().ToArray(), first.data<long>().ToArray());
    }

    [Fact]
    public void The_memory_keeps_each_querys_best_and_no_more_than_its_capacity()
    {
        using IDisposable scope = NewDisposeScope();
        var memory = new TransferMemory(8);
        var sampler = new Generator(1);
        for (int query = 0; query < 3; query++)
        {
            double[] values = Enumerable.Range(0, 20).Select(i => (double)((i * 7) % 20) + (100 * query)).ToArray();
            memory.Remember(arange(20, dtype: ScalarType.Float64).unsqueeze(1), zeros(20, 0, dtype: ScalarType.Int64), values, Enumerable.Repeat(double.NaN, 20).ToArray(), sampler);
        }

        (_, _, double[] kept, double[] slacks) = memory.Observations(1, 0);
        Assert.All(slacks, s => Assert.True(double.IsNaN(s)));
        Assert.Equal(8, kept.Length);
        // The last two queries' halves (4 each), each with its best value.
        Assert.Contains(219, kept);
        Assert.Contains(119, kept);
        Assert.All(kept, v => Assert.True(v >= 100));
    }

    [Fact]
    public void The_best_a_memory_keeps_are_the_best_feasible_ones()
    {
        using IDisposable scope = NewDisposeScope();
        var memory = new TransferMemory(8);
        // Values 0..19; only the even ones are feasible (slack ≤ 0), so the best kept is 18, not 19.
        double[] values = Enumerable.Range(0, 20).Select(i => (double)i).ToArray();
        double[] slacks = Enumerable.Range(0, 20).Select(i => i % 2 == 0 ? -0.5 : 0.5).ToArray();

        memory.Remember(arange(20, dtype: ScalarType.Float64).unsqueeze(1), zeros(20, 0, dtype: ScalarType.Int64), values, slacks, new Generator(2));

        (_, _, double[] kept, double[] keptSlacks) = memory.Observations(1, 0);
        Assert.Equal(4, kept.Length);
        Assert.Equal(18, kept[0]);
        Assert.Equal(-0.5, keptSlacks[0]);
    }
}
