using System.Diagnostics;
using Gandse.Conditions;
using Gandse.CostModels;
using Gandse.CostModels.Systolic;
using Gandse.Objectives;
using Gandse.Spaces;
using Gandse.Tasks;
using Gandse.Workloads;
using Gandse.Tasks.Systolic;

namespace Gandse.Cli.Commands;

/// <summary>
/// <c>gandse optimum -w network:…</c>: the exact least-latency array for a whole network, by decomposition
/// (<see cref="NetworkOptimum"/>): shared hardware, each layer at its own best dataflow.
/// </summary>
public static class OptimumNetwork
{
    public static int Run(CliIo io, ICostModel model, Network network, Condition condition, Objective objective, bool fixedChoices, bool json, string? exportFolder = null)
    {
        if (model is not SystolicCostModel systolic)
        {
            throw new UsageException($"a network runs on the {SystolicSpace.Name} space, not {model.Space.Name}");
        }

        if (objective.Name != SystolicObjectives.Latency().Name)
        {
            throw new UsageException($"--objective {objective.Name} is for one layer; a network's optimum is least total latency (--objective latency)");
        }

        if (fixedChoices)
        {
            throw new UsageException("--fix is for one layer; a network's optimum searches every array");
        }

        var stopwatch = Stopwatch.StartNew();
        DesignSpace space = SystolicNetworkSpace.Create(network.Layers.Count);
        IReadOnlyList<Design> best = new NetworkOptimum(systolic, space).Find(network, condition, 1, 0);
        stopwatch.Stop();
        if (best.Count == 0)
        {
            io.Output.WriteLine($"no feasible design for {network.Name}: every array breaks a budget; relax --mac-budget, --sram-budget-kb or --area-budget");
            return ExitCodes.Success;
        }

        NetworkEvaluation evaluation = NetworkDesigns.Evaluate(space, network, best[0], condition[SystolicConditions.DramBandwidth]);
        Dictionary<string, double> hardware = NetworkDesigns.Hardware(space, best[0]);
        if (!json)
        {
            io.Output.WriteLine($"objective  least total latency over the layers, ties by energy; found in {stopwatch.Elapsed.TotalMilliseconds:F0} ms by decomposition");
        }

        EvaluateNetwork.Write(io, systolic, network, hardware, "each layer's best dataflow (the optimum's)", condition[SystolicConditions.DramBandwidth], evaluation, json);
        if (exportFolder is not null)
        {
            ScaleSimOptions.Export(io, exportFolder, space, best[0], condition);
        }

        return ExitCodes.Success;
    }
}
