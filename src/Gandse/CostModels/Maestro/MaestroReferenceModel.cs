using Gandse.CostModels.Maestro.Analysis;

namespace Gandse.CostModels.Maestro;

/// <summary>
/// MAESTRO's analysis of one layer under one dataflow, re-implemented from its source (cost-model/include:
/// DFA_cluster-analysis, DFA_cluster-unit, DFA_iteration-analysis, CA_reuse-analysis, CA_cost-analysis-engine,
/// API_user-interface-v2's result assembly and DSE_hardware_modules). Written to follow MAESTRO's structure, names
/// aside, so that it can be read against the source; the batched MaestroCostModel is the fast one, held equal to
/// this by property tests, and both are held to the real MAESTRO by oracle tests.
/// </summary>
public static class MaestroReferenceModel
{
    private static readonly Lazy<string> ProbeHash = new(() =>
    {
        // Fixed probes over the three templates, PE counts, tiles and layers with edges: a changed model changes it.
        var random = new Random(20261203);
        var text = new System.Text.StringBuilder();
        for (int i = 0; i < 48; i++)
        {
            int r = 1 + (2 * random.Next(3)), pes = 1 + random.Next(64);
            var layer = new MaestroLayer(MaestroLayerType.Conv, 1 + random.Next(100), 1 + random.Next(100), r + random.Next(40), r + random.Next(40), r, r);
            var constants = new Dictionary<string, int> { ["KTileSz"] = 1 + random.Next(12), ["CTileSz"] = 1 + random.Next(12), ["ClusterSz"] = pes };
            MaestroMetrics m = Evaluate(layer, DataflowTemplates.Get(new[] { "dla", "eye", "shi" }[i % 3]).Instantiate(constants, layer), new MaestroHardware(pes));
            text.Append(m.RuntimeCycles).Append(',').Append(m.L1SizeReq).Append(',').Append(m.L2SizeReq).Append(',').Append(m.NumMacs).Append(';');
        }

        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString())))[..16].ToLowerInvariant();
    });

    /// <summary>A hash of the model's figures on fixed probes: part of a dataset's key, so changed labels are never reused.</summary>
    public static string Fingerprint => ProbeHash.Value;

    /// <summary>The metrics of <paramref name="layer"/> mapped by <paramref name="dataflow"/> on <paramref name="hardware"/>.</summary>
    public static MaestroMetrics Evaluate(MaestroLayer layer, IReadOnlyList<MaestroDirective> dataflow, MaestroHardware hardware)
    {
        if (layer.Problem() is string problem)
        {
            return MaestroMetrics.Refused(problem);
        }

        try
        {
            IReadOnlyList<MaestroTensor> tensors = MaestroTensor.Of(layer.Type);
            DimensionTable dimensions = ClusterStructure.FullDimensions(layer);
            (List<ClusterLevel> levels, _) = ClusterStructure.Build(dataflow, dimensions, hardware.NumPes, tensors);
            var analysis = new CostAnalysis(levels, tensors, hardware);
            LevelResult top = analysis.Analyze(0, levels[0].Dimensions);
            LevelResult innermost = analysis.Results[0];
            return Assemble(top, innermost, analysis.Results.Count, hardware);
        }
        catch (MaestroAnalysisException refused)
        {
            return MaestroMetrics.Refused(refused.Message);
        }
    }

    private static MaestroMetrics Assemble(LevelResult top, LevelResult innermost, int results, MaestroHardware hardware)
    {
        double weighted = (top.UpstreamRead(DataClass.Input) * MaestroAccelerator.L2EnergyWeight)
            + (top.UpstreamWrite(DataClass.Input) * MaestroAccelerator.L2EnergyWeight)
            + (top.UpstreamRead(DataClass.Weight) * MaestroAccelerator.L2EnergyWeight)
            + (top.UpstreamWrite(DataClass.Weight) * MaestroAccelerator.L2EnergyWeight)
            + (top.UpstreamWrite(DataClass.Output) * MaestroAccelerator.L2EnergyWeight);
        if (results == 1)
        {
            // MAESTRO adds L1 accesses from counts it sets at the top level only after reading them at the innermost
            // one; with a single level the two are the same result and the counts are set in time.
            foreach (DataClass c in new[] { DataClass.Input, DataClass.Weight, DataClass.Output })
            {
                weighted += (top.DownstreamRead(c) * MaestroAccelerator.L1EnergyWeight) + (top.DownstreamWrite(c) * MaestroAccelerator.L1EnergyWeight);
            }
        }

        // MAESTRO sums the byte needs into ints.
        int l2 = unchecked((int)top.TotalUpstreamSize), l1 = unchecked((int)innermost.TotalDownstreamSize);
        int bandwidth = unchecked((int)hardware.NocBandwidth);
        string? problem = MaestroValidity.Problem(top.Runtime, l1, l2, hardware);
        return new MaestroMetrics(
            top.Runtime,
            weighted * MaestroAccelerator.MacEnergy,
            MaestroAccelerator.Area(hardware.NumPes, hardware.SimdLanes, bandwidth, l1, l2),
            MaestroAccelerator.Power(hardware.NumPes, hardware.SimdLanes, bandwidth, l1, l2),
            l1,
            l2,
            top.Computations,
            problem);
    }
}
