using Gandse.CostModels;
using Gandse.CostModels.Systolic;
using Gandse.Spaces;
using Gandse.Tensors;
using Gandse.Workloads;
using Gandse.Tasks;
using TorchSharp;
using static TorchSharp.torch;
using P = Gandse.CostModels.Systolic.SystolicParameterNames;
using Metric = Gandse.CostModels.Systolic.SystolicMetricNames;

namespace Gandse.Tasks.Systolic;

/// <summary>
/// What the network generator reads of each layer on the hardware it drew (the <see cref="SlotInteraction"/> of
/// <see cref="SystolicNetworkTask"/>): the layer's compute cycles under each dataflow, from the model's closed form.
/// </summary>
public sealed class DataflowFeatures
{
    private readonly SystolicCostModel _model;
    private readonly DesignSpace _hardwareSpace = SystolicNetworkSpace.Create(0);

    /// <summary>Features from <paramref name="model"/>'s closed-form compute cycles.</summary>
    public DataflowFeatures(SystolicCostModel model) => _model = model;

    /// <summary>
    /// Per layer row r: log2 of its compute cycles under os, ws and is on hardware row r (/32), then each less the
    /// least (/4): which dataflow folds the layer best onto the array. Stall cycles, which hinge on the buffers
    /// and the bandwidth, are left for the generator to learn. Dims come back from the features' log2(dim)/12.
    /// </summary>
    public Tensor Compute(Tensor hardwareOneHot, Tensor layerFeatures)
    {
        using IDisposable noGrad = no_grad();
        using IDisposable scope = NewDisposeScope();
        // Closed-form compute cycles of each layer row under each dataflow: charged, apart from exact runs.
        EvaluationLedger.Current?.ChargeAnalytic(layerFeatures.shape[0] * 3);
        ValueBatch hardware = _hardwareSpace.Values(_hardwareSpace.FromOneHot(hardwareOneHot.detach()));
        var designs = new ValueBatch { [P.Dataflow] = tensor(new[] { 0.0, 1.0, 2.0 }, ScalarType.Float64).unsqueeze(1) };
        foreach (string name in SystolicNetworkSpace.HardwareParameters)
        {
            designs[name] = hardware[name].unsqueeze(0);
        }

        Tensor Dim(int feature) => (layerFeatures.select(-1, feature).to_type(ScalarType.Float64) * 12).exp2().round().clamp_min(1).unsqueeze(0);
        var layers = new ValueBatch
        {
            [GemmFields.M] = Dim(0),
            [GemmFields.N] = Dim(1),
            [GemmFields.K] = Dim(2),
            [SystolicConditions.DramBandwidth] = tensor(SystolicSpace.DefaultDramBandwidth, ScalarType.Float64),
        };
        // Compute cycles are exact in the model's cheap bounds: no memory walk is needed for them.
        Tensor log2Cycles = _model.EvaluateBounds(designs, layers)[Metric.ComputeCycles].log2().t();
        Tensor overLeast = log2Cycles - log2Cycles.amin(new long[] { -1 }, keepdim: true);
        return cat(new[] { log2Cycles / 32, overLeast / 4 }, -1).to_type(ScalarType.Float32).MoveToOuterDisposeScope();
    }
}
