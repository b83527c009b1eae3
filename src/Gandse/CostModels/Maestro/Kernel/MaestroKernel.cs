using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Gandse.CostModels.Maestro.Analysis;

namespace Gandse.CostModels.Maestro.Kernel;

/// <summary>
/// MAESTRO's analysis on arrays, for speed: the reference's <see cref="CostAnalysis"/> case by case, but with
/// integer dimensions, no allocation per evaluation, and each sub-cluster analysis done once per evaluation for a
/// given set of sub-cluster dimensions (a level's cases ask for the same few again and again). One instance per
/// thread; Evaluate gives what the batched model needs: runtime, MACs, L1 and L2 bytes and the
/// access counts the energy weighs. Property tests hold it equal to the reference.
/// </summary>
internal sealed class MaestroKernel
{
    // Sub-cluster runtimes of this evaluation by level and edge selection (see SubCluster); a slot counts when its
    // stamp is the evaluation's, so nothing is cleared between evaluations.
    private const int Selections = 1 << Dim.Count;
    private readonly KernelStructure _structure = new();
    private readonly LevelScratch[] _scratch = Enumerable.Range(0, 4).Select(_ => new LevelScratch()).ToArray();
    private readonly long[] _memoRuntime = new long[KernelStructure.MaxLevels * Selections];
    private readonly long[] _memoStamp = new long[KernelStructure.MaxLevels * Selections];
    private long _evaluation;
    private KernelTensors _tensors = KernelTensors.Conv;
    private MaestroHardware _hardware = new(1);
    private bool _haveInnermost;
    private long _innermostL1;

    // The top level's figures.
    private readonly long[] _upSize = new long[3], _downSize = new long[3], _upRead = new long[3], _upWrite = new long[3], _downRead = new long[3], _downWrite = new long[3];

    /// <summary>The figures of one layer on one mapping; a refused mapping throws <see cref="MaestroAnalysisException"/>.</summary>
    public KernelResult Evaluate(MaestroLayer layer, IReadOnlyList<MaestroDirective> dataflow, MaestroHardware hardware)
    {
        var specs = new DirectiveSpec[dataflow.Count];
        for (int i = 0; i < specs.Length; i++)
        {
            MaestroDirective d = dataflow[i];
            specs[i] = new DirectiveSpec(d.Kind, d.Size, d.Offset, d.Kind == DirectiveKind.Cluster ? -1 : Dim.Of(d.Variable));
        }

        return Evaluate(layer, specs, hardware);
    }

    /// <summary>As above, from resolved directives (the batched model's allocation-free path).</summary>
    public KernelResult Evaluate(MaestroLayer layer, ReadOnlySpan<DirectiveSpec> dataflow, MaestroHardware hardware)
    {
        if (layer.Problem() is string problem)
        {
            throw new MaestroAnalysisException(problem);
        }

        _tensors = KernelTensors.Of(layer.Type);
        _hardware = hardware;
        _structure.Build(dataflow, layer, hardware.NumPes, _tensors.InputVariables);
        for (int d = 0; d < _structure.LevelCount; d++)
        {
            _structure.Levels[d].PrepareTensors(_tensors);
        }

        _evaluation++;
        _haveInnermost = false;
        KernelLevel top = _structure.Levels[0];
        LevelScratch s = _scratch[0];
        top.Dims.AsSpan().CopyTo(s.Dims);
        top.HasDim.AsSpan().CopyTo(s.HasDims);
        (long runtime, long computations) = Analyze(0, true);
        long l2 = _upSize[0] + _upSize[1] + _upSize[2];
        // MAESTRO's L1 figure is the first analysis to finish: a sub-cluster's, unless every top case was skipped and
        // none was analysed, when it is the top level's own.
        long l1 = _haveInnermost ? _innermostL1 : _downSize[0] + _downSize[1] + _downSize[2];
        long l2Accesses = _upRead[0] + _upWrite[0] + _upRead[1] + _upWrite[1] + _upWrite[2];
        // L1 accesses count only when the top level's is MAESTRO's only result (see MaestroReferenceModel).
        long l1Accesses = !_haveInnermost ? _downRead[0] + _downWrite[0] + _downRead[1] + _downWrite[1] + _downRead[2] + _downWrite[2] : 0;
        return new KernelResult(runtime, computations, unchecked((int)l1), unchecked((int)l2), l2Accesses, l1Accesses);
    }

    /// <summary>Analyses level <paramref name="depth"/> under the dimensions in its scratch; the top level keeps its figures.</summary>
    private (long Runtime, long Computations) Analyze(int depth, bool isTop)
    {
        KernelLevel l = _structure.Levels[depth];
        LevelScratch s = _scratch[depth];
        CaseStates.Prepare(l, s);
        OutputFactors.Prepare(l, s, _tensors.OutputMask);
        CaseTables.Prepare(l, s, hasSubClusters: depth < _structure.LevelCount - 1);
        int total = 1;
        for (int i = 0; i < l.Count; i++)
        {
            total *= s.StateCount[i];
        }

        // Every map starts at its first position; maps with one position keep it, and only the others are walked.
        int cumulative = 1, moving = 0;
        long fixedOccurrences = 1;
        for (int i = l.Count - 1; i >= 0; i--)
        {
            s.Frequency[i] = cumulative;
            cumulative *= s.StateCount[i];
            s.Counter[i] = 0;
            s.Countdown[i] = 1;
            CaseStates.Move(s, i, 3 * i);
            if (s.StateCount[i] > 1)
            {
                s.Moving[moving++] = i;
            }
            else
            {
                fixedOccurrences *= s.Occurrences[3 * i];
            }
        }

        long[] upSize = isTop ? _upSize : s.UpSize, downSize = isTop ? _downSize : s.DownSize;
        if (!isTop)
        {
            upSize[0] = upSize[1] = upSize[2] = 0;
            downSize[0] = downSize[1] = downSize[2] = 0;
        }

        if (isTop)
        {
            // The access counts are all stored after the walk, and the input tensors' writes by the first case's sizing.
            _upSize[0] = _upSize[1] = _upSize[2] = 0;
            _downSize[0] = _downSize[1] = _downSize[2] = 0;
        }

        long runtime = 0, computations = 0;
        long egressTotal = 0, mappingTotal = 0, inputTotal = 0, filterTotal = 0, mappingCounted = 0;
        int caseId = 0;
        long fill = 0, drain = 0;
        // Unchecked reads of the per-map arrays (16 maps, 48 positions: LevelScratch), once per case per moving map.
        ref int movingMaps = ref MemoryMarshal.GetArrayDataReference(s.Moving);
        ref int countdown = ref MemoryMarshal.GetArrayDataReference(s.Countdown);
        ref int counter = ref MemoryMarshal.GetArrayDataReference(s.Counter);
        ref int stateCount = ref MemoryMarshal.GetArrayDataReference(s.StateCount);
        ref int frequency = ref MemoryMarshal.GetArrayDataReference(s.Frequency);
        ref int state = ref MemoryMarshal.GetArrayDataReference(s.State);
        ref int perPosition = ref MemoryMarshal.GetArrayDataReference(s.Occurrences);
        // Only the first analysis below the top gives MAESTRO's L1 figure; later ones' buffer sizes are read by nothing.
        bool sizeBuffers = isTop || !_haveInnermost;
        bool hasSubClusters = depth < _structure.LevelCount - 1;
        long simdLanes = _hardware.SimdLanes, nocBandwidth = _hardware.NocBandwidth, nocLatency = _hardware.NocLatency;
        for (int c = 0; c < total; c++)
        {
            long occurrences = fixedOccurrences;
            for (int m = 0; m < moving; m++)
            {
                int i = Unsafe.Add(ref movingMaps, m);
                // A map moves on after every case number its frequency divides (MAESTRO's order; case 0 moves them all),
                // counted down, not divided; only a map that moved is set again.
                if (c > 0 && --Unsafe.Add(ref countdown, i) == 0)
                {
                    Unsafe.Add(ref countdown, i) = Unsafe.Add(ref frequency, i);
                    int k = Unsafe.Add(ref counter, i) + 1 == Unsafe.Add(ref stateCount, i) ? 0 : Unsafe.Add(ref counter, i) + 1;
                    Unsafe.Add(ref counter, i) = k;
                    CaseStates.Move(s, i, (3 * i) + k);
                }

                occurrences *= Unsafe.Add(ref perPosition, (3 * i) + Unsafe.Add(ref state, i));
            }

            occurrences = unchecked((int)occurrences);
            // At c = 0 every map is at Init, so sizing cannot refuse the case and may be skipped when nothing reads it;
            // a first counted case later than that is sized as before, keeping MAESTRO's refusals.
            if (caseId == 0 && (sizeBuffers || c > 0))
            {
                SizeBuffers(l, s, upSize, downSize, isTop);
                drain = upSize[2] / _hardware.OffchipBandwidth;
                fill = (upSize[0] + upSize[1]) / _hardware.OffchipBandwidth;
            }

            (long egress, long partialSums, long mapping) = KernelTraffic.Output(l, s, KernelTensors.OutputIndex, withMapping: isTop);
            // The top level's access counts, summed here and stored after the walk (zero below the top).
            egressTotal += occurrences * egress;
            mappingTotal += occurrences * mapping;

            if (partialSums <= 0)
            {
                continue;
            }

            int changing = KernelTraffic.Changing(l, s);
            long inputIngress = CaseTables.Ingress(l, s, KernelTensors.InputIndex, changing);
            long filterIngress = CaseTables.Ingress(l, s, KernelTensors.FilterIndex, changing);
            inputTotal += occurrences * inputIngress;
            filterTotal += occurrences * filterIngress;
            mappingCounted += occurrences * mapping;

            long computation = hasSubClusters
                ? SubClusterDelay(depth, l, s)
                : simdLanes == 1 ? partialSums : (partialSums + simdLanes - 1) / simdLanes;
            long ingressDelay = NocDelay(inputIngress + filterIngress, nocBandwidth, nocLatency), egressDelay = NocDelay(egress, nocBandwidth, nocLatency);
            // No map has moved from its first step (changing is -1): the case's ingress and compute do not overlap.
            long delay = changing == -1 ? computation + ingressDelay : Math.Max(egressDelay, Math.Max(computation, ingressDelay));
            if (isTop)
            {
                if (computation == 0)
                {
                    throw new MaestroAnalysisException("a case's sub-clusters have no work: MAESTRO divides by their zero runtime");
                }

                delay = Math.Max(fill / 2, Math.Max(delay, drain / 2));
            }

            runtime += occurrences * delay;
            computations += occurrences * mapping;
            caseId++;
        }

        if (isTop)
        {
            _upWrite[2] = egressTotal;
            _downWrite[2] = _downRead[2] = mappingTotal;
            _upRead[0] = _downWrite[0] = inputTotal;
            _upRead[1] = _downWrite[1] = filterTotal;
            _downRead[0] = _downRead[1] = mappingCounted;
        }

        // MAESTRO lists results as analyses finish; its L1 figure is the first's (the innermost level's, normally).
        if (!isTop && !_haveInnermost)
        {
            _haveInnermost = true;
            _innermostL1 = downSize[0] + downSize[1] + downSize[2];
        }

        return (runtime, computations);
    }

    /// <summary>The runtime of the sub-clusters a case leaves, analysed once per set of sub-cluster dimensions.</summary>
    private long SubClusterDelay(int depth, KernelLevel l, LevelScratch s)
    {
        int spatial = l.LastOf[l.Var[l.SpatialIndex]];
        if (s.IsEdge(spatial) && s.IsEdgeEdge[spatial])
        {
            long edgeEdge = SubCluster(depth, l, s, edgeEdge: true);
            return l.EdgeClusters - 1 > 0 ? Math.Max(edgeEdge, SubCluster(depth, l, s, edgeEdge: false)) : edgeEdge;
        }

        return SubCluster(depth, l, s, edgeEdge: false);
    }

    /// <summary>
    /// The runtime of one sub-cluster a case leaves. Each dimension passes down either its mapped size or its edge size
    /// (decided by the state of its map), so the sub-cluster's dimensions, and so its runtime, follow from which
    /// dimensions take the edge size: a selection of at most eight bits, under which the analysis is kept for the
    /// rest of the evaluation (a level's cases ask for the same few again and again).
    /// </summary>
    private long SubCluster(int depth, KernelLevel l, LevelScratch s, bool edgeEdge)
    {
        int selection = CaseTables.Selection(s, l.EdgeClusters == 1 || edgeEdge);
        int slot = (depth * Selections) + selection;
        if (_memoStamp[slot] == _evaluation)
        {
            return _memoRuntime[slot];
        }

        LevelScratch sub = _scratch[depth + 1];
        for (int v = 0; v < Dim.Count; v++)
        {
            bool has = l.DirectiveOf[v] >= 0;
            sub.HasDims[v] = has;
            if (has)
            {
                sub.Dims[v] = (int)((selection & (1 << v)) != 0 ? l.MappedEdge[v] : l.Mapped[v]);
            }
        }

        if (sub.HasDims[Dim.Y])
        {
            sub.Dims[Dim.YOut] = sub.Dims[Dim.Y] - CaseStates.Dimension(sub, Dim.R) + 1;
            sub.HasDims[Dim.YOut] = true;
        }

        if (sub.HasDims[Dim.X])
        {
            sub.Dims[Dim.XOut] = sub.Dims[Dim.X] - CaseStates.Dimension(sub, Dim.S) + 1;
            sub.HasDims[Dim.XOut] = true;
        }

        long runtime = Analyze(depth + 1, false).Runtime;
        _memoRuntime[slot] = runtime;
        _memoStamp[slot] = _evaluation;
        return runtime;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long NocDelay(long elements, long bandwidth, long latency)
    {
        // The common case, a NoC wide enough for the whole transfer, without the divisions.
        long sends = elements >= 0 && elements <= bandwidth ? (elements > 0 ? 1 : 0) : (elements / bandwidth) + (elements % bandwidth != 0 ? 1 : 0);
        return latency + (sends - 1);
    }

    /// <summary>The buffers a level needs from its first case, double-buffered (reference: CostAnalysis.SizeBuffers).</summary>
    private void SizeBuffers(KernelLevel l, LevelScratch s, long[] upSize, long[] downSize, bool isTop)
    {
        for (int t = 0; t < 2; t++)
        {
            int[] tensor = t == 0 ? _tensors.Input : _tensors.Filter;
            long size = 1, mapped = 1;
            foreach (int v in tensor)
            {
                size *= CaseStates.Dimension(s, v);
                mapped *= l.HasMapped[v] ? l.Mapped[v] : 1;
            }

            upSize[t] += CaseTables.Ingress(l, s, t, KernelTraffic.Changing(l, s)) * 2;
            downSize[t] += 2 * mapped;
            if (isTop)
            {
                _upWrite[t] = size;
            }
        }

        long outputMapped = 1;
        foreach (int v in _tensors.Output)
        {
            outputMapped *= l.HasMapped[v] ? l.Mapped[v] : 1;
        }

        upSize[2] = 2 * KernelTraffic.Output(l, s, KernelTensors.OutputIndex, withMapping: false).Egress;
        downSize[2] = 2 * outputMapped;
    }
}
