using Gandse.CostModels.Systolic;
using Gandse.Spaces;
using Gandse.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace Gandse.Tasks.Systolic;

/// <summary>
/// How <see cref="SystolicNetworkTask"/> names what it charges to the <see cref="CostModels.EvaluationLedger"/>:
/// a layer run is (hardware, layer slot, dataflow), once per query however many designs share it.
/// </summary>
public sealed class NetworkCharges
{
    private readonly DesignSpace _space;
    private readonly int _maxLayers;
    private readonly int _dataflows;

    /// <summary>Charges for networks of up to <paramref name="maxLayers"/> layers in <paramref name="space"/>, with <paramref name="dataflows"/> dataflows per layer.</summary>
    public NetworkCharges(DesignSpace space, int maxLayers, int dataflows)
    {
        _space = space;
        _maxLayers = maxLayers;
        _dataflows = dataflows;
    }

    /// <summary>The real layers of each query row (slots with repeats; the rest are padding, not runs).</summary>
    public static int[] LayerCounts(ValueBatch conditionValues)
    {
        Tensor repeats = conditionValues[NetworkConditionFields.LayerRepeats];
        return (repeats > 0).sum(-1).reshape(-1).to_type(ScalarType.Int32).data<int>().ToArray();
    }

    /// <summary>A layer run's key: the hardware's flat index, the layer slot and the dataflow.</summary>
    public long LayerRun(long[] design, int layer, long dataflow)
    {
        long hardware = 0;
        for (int p = 0; p < SystolicNetworkSpace.HardwareParameters.Count; p++)
        {
            hardware = (hardware * _space.Parameters[p].Count) + design[p];
        }

        return (((hardware * _maxLayers) + layer) * _dataflows) + dataflow;
    }
}
