using Gandse.CostModels.Systolic;
using Gandse.Conditions;
using Gandse.Harness;
using Gandse.Spaces;
using Gandse.Tasks;
using Gandse.Workloads;

namespace Gandse.Tests.Harness;

public class WorkloadBreakdownTests
{
    private static readonly Design AnyDesign = new(new[] { 0 });

    [Fact]
    public void Outcomes_are_summarised_per_network_in_order_of_first_appearance()
    {
        var queries = new[] { Query("vgg16"), Query("alexnet"), Query("vgg16") };
        var outcomes = new[] { Outcome(0.5), Outcome(1.0), Outcome(1.0) };

        var perNetwork = WorkloadBreakdown.PerNetwork(queries, outcomes);

        Assert.Equal(new[] { "vgg16", "alexnet" }, perNetwork.Select(n => n.Workload));
        Assert.Equal(2, perNetwork[0].Summary.Queries);
        Assert.Equal(Math.Sqrt(0.5), perNetwork[0].Summary.Quality, 12);
        Assert.Equal(1.0, perNetwork[1].Summary.Quality);
    }

    [Fact]
    public void A_split_of_gemms_has_no_per_network_breakdown()
    {
        var gemm = new LabelledCondition(SystolicConditions.Of(new Gemm(8, 8, 8), 16), AnyDesign, new Dictionary<string, double>(), Array.Empty<Design>());

        Assert.Empty(WorkloadBreakdown.PerNetwork(new[] { gemm }, new[] { Outcome(1.0) }));
    }

    private static LabelledCondition Query(string network) =>
        new(SystolicConditions.Of(BuiltInNetworks.Get(network), 16), AnyDesign, new Dictionary<string, double>(), Array.Empty<Design>());

    private static QueryOutcome Outcome(double quality) => new(AnyDesign, true, 1 / quality, 1, quality == 1, null, 1);
}
