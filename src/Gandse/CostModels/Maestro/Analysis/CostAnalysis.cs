namespace Gandse.CostModels.Maestro.Analysis;

/// <summary>
/// MAESTRO's cost analysis (CostAnalysisEngine::AnalyzeClusterLevel_V2), level by level: every case of a level is
/// charged its occurrences × its delay, the delay being the larger of ingress, computation and egress (double
/// buffering hides the other two), except for the all-Init case, which pays ingress and computation in turn. A
/// level's computation delay is its sub-clusters' runtime, analysed again for the dimensions that case leaves
/// them (a spatial edge may leave two kinds); at the innermost level, the partial sums over the SIMD lanes. The top
/// level also waits for off-chip traffic to fill and drain half its double-buffered L2. Results are listed as
/// MAESTRO lists them: every sub-level analysis before the level's own, so the first is the innermost.
/// </summary>
internal sealed class CostAnalysis
{
    private readonly IReadOnlyList<ClusterLevel> _levels;
    private readonly IReadOnlyList<MaestroTensor> _tensors;
    private readonly MaestroHardware _hardware;
    private readonly ReuseVolumes[] _volumes;

    public CostAnalysis(IReadOnlyList<ClusterLevel> levels, IReadOnlyList<MaestroTensor> tensors, MaestroHardware hardware)
    {
        _levels = levels;
        _tensors = tensors;
        _hardware = hardware;
        _volumes = levels.Select(l => new ReuseVolumes(l)).ToArray();
    }

    public List<LevelResult> Results { get; } = new();

    /// <summary>Analyses level <paramref name="index"/> under <paramref name="dimensions"/>; its result is the last in <see cref="Results"/>.</summary>
    public LevelResult Analyze(int index, DimensionTable dimensions)
    {
        ClusterLevel level = _levels[index];
        ReuseVolumes volumes = _volumes[index];
        var traffic = new ReuseTraffic(volumes);
        var result = new LevelResult();
        MaestroTensor output = _tensors.Single(t => t.IsOutput);
        List<MaestroTensor> inputs = _tensors.Where(t => !t.IsOutput).ToList();
        MapDirective spatial = level.Dataflow[level.SpatialIndex];
        int caseId = 0;
        foreach (IterationCase iteration in IterationCases.Of(dimensions, level))
        {
            if (caseId == 0)
            {
                SizeBuffers(result, dimensions, volumes, traffic, iteration, inputs, output);
            }

            long occurrences = iteration.Occurrences;
            long egress = traffic.SpatialEgress(output, iteration);
            long mapping = traffic.OutputSpatialMapping(output, iteration, partialSums: true);
            result.SetUpstreamWrite(output.Class, result.UpstreamWrite(output.Class) + (occurrences * egress));
            result.SetDownstreamWrite(output.Class, result.DownstreamWrite(output.Class) + (occurrences * mapping));
            result.SetDownstreamRead(output.Class, result.DownstreamRead(output.Class) + (occurrences * mapping));
            long partialSums = traffic.CriticalPathPartialSums(output, iteration);
            if (partialSums <= 0)
            {
                // MAESTRO skips the case without counting it: the next case sizes the buffers again.
                continue;
            }

            long ingress = 0;
            foreach (MaestroTensor input in inputs)
            {
                long tensorIngress = traffic.SpatialIngress(input, iteration);
                ingress += tensorIngress;
                long read = result.UpstreamRead(input.Class);
                result.SetUpstreamRead(input.Class, read + (occurrences * tensorIngress));
                result.SetDownstreamWrite(input.Class, read + (occurrences * tensorIngress));
                result.SetDownstreamRead(input.Class, result.DownstreamRead(input.Class) + (occurrences * mapping));
            }

            long computation = index < _levels.Count - 1
                ? SubClusterDelay(index, level, volumes, iteration, spatial)
                : (long)Math.Ceiling((double)partialSums / _hardware.SimdLanes);
            long ingressDelay = NocDelay(ingress), egressDelay = NocDelay(egress);
            long delay = iteration.AllInit ? computation + ingressDelay : Math.Max(egressDelay, Math.Max(computation, ingressDelay));
            if (index == 0)
            {
                if (computation == 0)
                {
                    // MAESTRO divides the L2 needs by this delay for its off-chip bandwidth figure and stops (SIGFPE).
                    throw new MaestroAnalysisException("a case's sub-clusters have no work: MAESTRO divides by their zero runtime");
                }

                long drain = result.UpstreamSize(DataClass.Output) / _hardware.OffchipBandwidth;
                long fill = (result.UpstreamSize(DataClass.Input) + result.UpstreamSize(DataClass.Weight)) / _hardware.OffchipBandwidth;
                delay = Math.Max(fill / 2, Math.Max(delay, drain / 2));
            }

            result.Runtime += occurrences * delay;
            result.Computations += occurrences * mapping;
            caseId++;
        }

        Results.Add(result);
        return result;
    }

    private long SubClusterDelay(int index, ClusterLevel level, ReuseVolumes volumes, IterationCase iteration, MapDirective spatial)
    {
        IterationState state = iteration[spatial.Variable];
        var runtimes = new List<long>();
        if (state.IsEdge && state.SpatialEdgeEdge)
        {
            runtimes.Add(Analyze(index + 1, volumes.SubClusterDimensions(iteration, edgeEdge: true)).Runtime);
            if (level.EdgeClusters - 1 > 0)
            {
                runtimes.Add(Analyze(index + 1, volumes.SubClusterDimensions(iteration, edgeEdge: false)).Runtime);
            }
        }
        else
        {
            runtimes.Add(Analyze(index + 1, volumes.SubClusterDimensions(iteration, edgeEdge: false)).Runtime);
        }

        return runtimes.Max();
    }

    /// <summary>A NoC transfer: the hop latency, then one more cycle per bandwidth's worth after the first (MAESTRO's GetOutStandingDelay).</summary>
    private long NocDelay(long elements)
    {
        long sends = (elements / _hardware.NocBandwidth) + (elements % _hardware.NocBandwidth != 0 ? 1 : 0);
        return _hardware.NocLatency + (sends - 1);
    }

    /// <summary>The buffers a level needs, from its first case, double-buffered (MAESTRO's UpdateBufferSizeReq).</summary>
    private static void SizeBuffers(LevelResult result, DimensionTable dimensions, ReuseVolumes volumes, ReuseTraffic traffic, IterationCase iteration, List<MaestroTensor> inputs, MaestroTensor output)
    {
        foreach (MaestroTensor input in inputs)
        {
            long size = input.Coupled.Aggregate(1L, (product, v) => product * dimensions.Size(v));
            result.SetUpstreamSize(input.Class, result.UpstreamSize(input.Class) + (traffic.SpatialIngress(input, iteration) * 2));
            result.SetUpstreamWrite(input.Class, size);
            result.SetDownstreamSize(input.Class, result.DownstreamSize(input.Class) + (2 * volumes.MappedVolume(input)));
        }

        long outputSize = 1;
        foreach (string v in output.Coupled)
        {
            outputSize *= dimensions.IsOverlapped(v) ? dimensions.Size(v) - dimensions.Size(dimensions.CounterPart(v)) + 1 : dimensions.Size(v);
        }

        result.SetUpstreamSize(output.Class, 2 * traffic.SpatialEgress(output, iteration));
        result.SetUpstreamRead(output.Class, outputSize);
        result.SetDownstreamSize(output.Class, 2 * volumes.MappedVolume(output));
    }
}
