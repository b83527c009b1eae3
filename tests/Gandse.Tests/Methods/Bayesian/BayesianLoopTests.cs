using Gandse.Config;
using Gandse.Methods.Bayesian;
using Gandse.Spaces;
using TorchSharp;
using static TorchSharp.torch;

namespace Gandse.Tests.Methods.Bayesian;

public sealed class BayesianLoopTests
{
    // A smooth toy space: two 32-step ordinal axes and a 3-way categorical, best at (0.3, 0.7) with choice 2.
    private static readonly DesignSpace Toy = new("toy", new Parameter[]
    {
        new OrdinalParameter("x", Enumerable.Range(0, 32).Select(i => (double)i)),
        new OrdinalParameter("y", Enumerable.Range(0, 32).Select(i => (double)i)),
        new CategoricalParameter("kind", new[] { "a", "b", "c" }),
    });

    private static Tensor Objective(Tensor designs)
    {
        Tensor x = designs.select(1, 0).to_type(ScalarType.Float64) / 31, y = designs.select(1, 1).to_type(ScalarType.Float64) / 31;
        Tensor bonus = designs.select(1, 2).eq(2).to_type(ScalarType.Float64) * 0.5;
        return -(((x - 0.3).square() + (y - 0.7).square()) * 10) + bonus;
    }

    // A known constraint, as a budget is: x + y at most 40 steps.
    private static Tensor Allowed(Tensor designs) => (designs.select(1, 0) + designs.select(1, 1)) <= 40;

    [Fact]
    public void A_short_run_beats_random_search_on_a_smooth_space_and_stays_within_the_known_constraint()
    {
        using IDisposable scope = NewDisposeScope();
        double bo = 0, random = 0;
        for (int seed = 0; seed < 3; seed++)
        {
            Tensor evaluated = new BayesianLoop(Toy, new BoSettings { InitialDesigns = 6 }, new Generator((ulong)seed)).Run(30, Objective, Allowed);
            Assert.Equal(30, evaluated.shape[0]);
            Assert.True(Allowed(evaluated).all().item<bool>());
            Assert.Equal(30, Enumerable.Range(0, 30).Select(i => string.Join(',', evaluated[i].data<long>().ToArray())).Distinct().Count());
            bo += Objective(evaluated).max().item<double>();

            Tensor drawn = Toy.RandomIndices(new long[] { 30 }, new Generator((ulong)(100 + seed))).to_type(ScalarType.Int64);
            random += Objective(drawn).max().item<double>();
        }

        Assert.True(bo > random, $"mean best: bo {bo / 3}, random {random / 3}");
        Assert.True(bo / 3 > 0.4, $"mean best of bo {bo / 3}; the optimum is 0.5");
    }

    [Fact]
    public void A_space_smaller_than_the_budget_is_evaluated_once_each()
    {
        using IDisposable scope = NewDisposeScope();
        var tiny = new DesignSpace("tiny", new Parameter[] { new OrdinalParameter("x", new[] { 1.0, 2, 4 }), new CategoricalParameter("k", new[] { "a", "b" }) });

        Tensor evaluated = new BayesianLoop(tiny, new BoSettings { InitialDesigns = 2 }, new Generator(1)).Run(10, d => d.select(1, 0).to_type(ScalarType.Float64), d => ones(d.shape[0], dtype: ScalarType.Bool));

        Assert.Equal(6, evaluated.shape[0]);
    }

    [Fact]
    public void When_few_designs_meet_the_known_constraint_it_spends_less_rather_than_leave_them()
    {
        using IDisposable scope = NewDisposeScope();
        // Only x + y <= 2 steps is allowed: 6 (x, y) pairs times 3 kinds = 18 designs.
        Tensor evaluated = new BayesianLoop(Toy, new BoSettings { InitialDesigns = 4 }, new Generator(3))
            .Run(40, Objective, d => (d.select(1, 0) + d.select(1, 1)) <= 2);

        Assert.True(((evaluated.select(1, 0) + evaluated.select(1, 1)) <= 2).all().item<bool>());
        Assert.InRange(evaluated.shape[0], 1, 18);
    }

    [Fact]
    public void An_unknown_constraint_gets_a_feasibility_model_that_finds_the_constrained_optimum()
    {
        using IDisposable scope = NewDisposeScope();
        // Unknown to the search until evaluated: x at most 12 steps (slack x/31 − 12/31). The objective alone peaks at
        // x = 0.3 · 31 ≈ 9, so take it further right: best at x = 25 (infeasible), constrained best at x = 12.
        static Tensor Value(Tensor d)
        {
            Tensor x = d.select(1, 0).to_type(ScalarType.Float64) / 31, y = d.select(1, 1).to_type(ScalarType.Float64) / 31;
            return -(((x - (25.0 / 31)).square() + (y - 0.5).square()) * 10) + (d.select(1, 2).eq(2).to_type(ScalarType.Float64) * 0.5);
        }

        static Tensor Slack(Tensor d) => (d.select(1, 0).to_type(ScalarType.Float64) - 12) / 31;
        double constrainedBest = Value(tensor(new long[] { 12, 16, 2 }, new long[] { 1, 3 })).item<double>();
        double bo = 0, random = 0;
        int feasibleShare = 0;
        for (int seed = 0; seed < 3; seed++)
        {
            Tensor evaluated = new BayesianLoop(Toy, new BoSettings { InitialDesigns = 6 }, new Generator((ulong)seed))
                .Run(30, d => new BayesianEvaluation(Value(d), Slack(d)), d => ones(d.shape[0], dtype: ScalarType.Bool), constrained: true);
            Tensor feasible = Slack(evaluated) <= 0;
            bo += Value(evaluated).masked_select(feasible).max().item<double>();
            feasibleShare += (int)feasible.narrow(0, 6, 24).sum().item<long>();

            Tensor drawn = Toy.RandomIndices(new long[] { 30 }, new Generator((ulong)(100 + seed))).to_type(ScalarType.Int64);
            random += Value(drawn).masked_select(Slack(drawn) <= 0).max().item<double>();
        }

        Assert.True(bo > random, $"mean best feasible: bo {bo / 3}, random {random / 3}");
        Assert.True(bo / 3 > constrainedBest - 0.15, $"mean best feasible of bo {bo / 3}; the constrained optimum is {constrainedBest}");
        Assert.True(feasibleShare > 0.6 * 72, $"{feasibleShare} of 72 designs after the random start were feasible");
    }

    [Fact]
    public void An_interrupt_stops_the_search_between_rounds_counting_how_far_it_got()
    {
        using var interrupt = new CancellationTokenSource();
        int evaluated = 0;
        Tensor Counting(Tensor designs)
        {
            evaluated += (int)designs.shape[0];
            if (evaluated >= 10)
            {
                interrupt.Cancel();
            }

            return Objective(designs);
        }

        var loop = new BayesianLoop(Toy, new BoSettings { InitialDesigns = 6 }, new Generator(5)) { Cancellation = interrupt.Token };

        Assert.Throws<OperationCanceledException>(() => loop.Run(40, Counting, d => ones(d.shape[0], dtype: ScalarType.Bool)));
        Assert.InRange(evaluated, 10, 13);
    }
}
