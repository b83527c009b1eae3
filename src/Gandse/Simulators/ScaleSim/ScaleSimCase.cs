using Gandse.CostModels.Systolic;
using Gandse.Workloads;

namespace Gandse.Simulators.ScaleSim;

/// <summary>One SCALE-Sim v2 run: a design, one layer (a GEMM, or a conv layer run in SCALE-Sim's conv mode) and a bandwidth.</summary>
public sealed record ScaleSimCase
{
    /// <summary>One layer on one design at a DRAM bandwidth of <paramref name="bandwidth"/> words per cycle.</summary>
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

    /// <summary>The design.</summary>
    public SystolicHardware Hardware { get; }

    /// <summary>The layer, as SCALE-Sim's topology row gives it.</summary>
    public Workload Layer { get; }

    /// <summary>DRAM bandwidth in words per cycle.</summary>
    public long Bandwidth { get; }

    /// <summary>The layer as a GEMM.</summary>
    public Gemm Gemm => Layer.Gemms[0];
}
