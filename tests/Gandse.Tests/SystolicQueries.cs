using Gandse.Conditions;
using Gandse.CostModels.Systolic;
using Gandse.Tasks;
using Gandse.Workloads;

namespace Gandse.Tests;

/// <summary>Systolic queries by position, as the tests spell them; null fields are left to the task's defaults.</summary>
public static class SystolicQueries
{
    public static Condition Query(this IDseTask task, Workload workload, double? macBudget, double? sramBudgetKb, double? dramBandwidth, double? targetLatency)
    {
        var given = new Dictionary<string, double>();
        foreach ((string name, double? value) in new[]
        {
            (SystolicConditions.MacBudget, macBudget), (SystolicConditions.SramBudgetKb, sramBudgetKb),
            (SystolicConditions.DramBandwidth, dramBandwidth), (SystolicConditions.TargetLatency, targetLatency),
        })
        {
            if (value is double v)
            {
                given[name] = v;
            }
        }

        return task.Query(workload, given);
    }
}
