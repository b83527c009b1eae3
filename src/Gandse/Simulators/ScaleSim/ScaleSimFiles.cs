using System.Globalization;
using System.Text;
using Gandse.CostModels.Systolic;
using Gandse.Workloads;

namespace Gandse.Simulators.ScaleSim;

/// <summary>
/// SCALE-Sim v2's input files for a case: a config (USER bandwidth, one Bandwidth for all three buffers) and a
/// one-layer topology, in the forms its own <c>configs/</c> and <c>topologies/</c> use, so they run as they are.
/// </summary>
public static class ScaleSimFiles
{
    /// <summary>The run name written into configs; SCALE-Sim names its output folder after it.</summary>
    public const string RunName = "gandse";

    /// <summary>A SCALE-Sim v2 .cfg for the hardware at <paramref name="bandwidth"/> words per cycle.</summary>
    public static string Config(SystolicHardware hardware, long bandwidth, string runName = RunName)
    {
        string Kb(double kilobytes) => kilobytes == Math.Floor(kilobytes) && kilobytes >= 1
            ? ((long)kilobytes).ToString(CultureInfo.InvariantCulture)
            : throw new UsageException($"SCALE-Sim takes whole KB per SRAM, at least 1; got {kilobytes}");
        var text = new StringBuilder();
        text.Append("[general]\n").Append(CultureInfo.InvariantCulture, $"run_name = {runName}\n\n");
        text.Append("[architecture_presets]\n");
        text.Append(CultureInfo.InvariantCulture, $"ArrayHeight: {hardware.Rows}\nArrayWidth: {hardware.Cols}\n");
        text.Append($"IfmapSramSzkB: {Kb(hardware.IfmapSramKb)}\nFilterSramSzkB: {Kb(hardware.FilterSramKb)}\nOfmapSramSzkB: {Kb(hardware.OfmapSramKb)}\n");
        text.Append("IfmapOffset: 0\nFilterOffset: 10000000\nOfmapOffset: 20000000\n");
        text.Append(CultureInfo.InvariantCulture, $"Bandwidth : {bandwidth}\n");
        text.Append($"Dataflow : {DataflowNames.Name(hardware.Dataflow)}\nMemoryBanks: 1\n\n");
        text.Append("[run_presets]\nInterfaceBandwidth: USER\n");
        return text.ToString();
    }

    /// <summary>Whether the topology is a GEMM one (SCALE-Sim's <c>-i gemm</c>).</summary>
    public static bool IsGemm(Workload layer) => layer is Gemm;

    /// <summary>
    /// A one-layer topology. A conv layer's IFMAP is given padded and trimmed to the rows and columns its windows
    /// read, (out − 1) · stride + R: SCALE-Sim counts ⌈(H − R + stride) / stride⌉ outputs, one more than the usual
    /// ⌊(H − R) / stride⌋ + 1 when the stride does not divide, so trimming makes both agree.
    /// </summary>
    public static string Topology(Workload layer, string name = RunName) => layer switch
    {
        Gemm g => $"Layer, M, N, K,\n{name}, {g.M}, {g.N}, {g.K},\n",
        ConvLayer c => "Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,\n"
            + string.Create(CultureInfo.InvariantCulture, $"{name}, {((c.OutputHeight - 1) * c.Stride) + c.R}, {((c.OutputWidth - 1) * c.Stride) + c.S}, {c.R}, {c.S}, {c.C}, {c.Filters}, {c.Stride},\n"),
        _ => throw new ArgumentException($"SCALE-Sim runs one GEMM or conv layer, not {layer.Spec}.", nameof(layer)),
    };
}
