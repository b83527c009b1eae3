using Gandse.CostModels.Systolic;
using Gandse.Workloads;

namespace Gandse.Simulators.ScaleSim;

/// <summary>One SCALE-Sim v2 run: a design, one layer (a GEMM, or a conv layer run in SCALE-Sim's conv mode) and a bandwidth.</summary>
public sealed record ScaleSimCase
{
    public ScaleSimCase(SystolicHardware hardware, Workload layer, long bandwidth)
    {
        if (layer is not Workloads.Gemm and not ConvLayer)
        {
            throw new ArgumentException($"SCALE-Sim runs one GEMM or conv layer at a time, not {layer.Spec}.", nameof(layer));
        }

        Hardware = hardware;
        Layer = layer;
        Bandwidth = bandwidth;
    }

    public SystolicHardware Hardware { get; }

    public Workload Layer { get; }

    public long Bandwidth { get; }

    public Gemm Gemm => Layer.Gemms[0];
}
