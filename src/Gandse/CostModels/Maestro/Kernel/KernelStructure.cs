using Gandse.CostModels.Maestro.Analysis;

namespace Gandse.CostModels.Maestro.Kernel;

/// <summary>
/// The kernel's cluster levels of a dataflow (the reference's <see cref="ClusterStructure"/> on integer dimensions,
/// into reused arrays): maps made input-centric, inherited, unrolled and strided in the same order, level 0 on top.
/// </summary>
internal sealed class KernelStructure
{
    public const int MaxLevels = 4;
    private readonly (bool Spatial, int Size, int Offset, int Var)[] _maps = new (bool, int, int, int)[16];
    private readonly (bool Spatial, int Size, int Offset, int Var)[] _above = new (bool, int, int, int)[16];
    private int _mapCount, _aboveCount;

    public KernelLevel[] Levels { get; } = Enumerable.Range(0, MaxLevels).Select(_ => new KernelLevel()).ToArray();

    public int LevelCount { get; private set; }

    /// <summary>Builds the levels of <paramref name="dataflow"/> for <paramref name="layer"/> on <paramref name="numPes"/> PEs.</summary>
    public void Build(ReadOnlySpan<DirectiveSpec> dataflow, MaestroLayer layer, int numPes, int[] inputVariables)
    {
        int clusterCount = 0, uppermost = 1, innermost = numPes;
        foreach (DirectiveSpec d in dataflow)
        {
            if (d.Kind == DirectiveKind.Cluster)
            {
                clusterCount++;
                uppermost *= d.Size;
                innermost = d.Size;
            }
        }

        if (clusterCount >= MaxLevels)
        {
            throw new MaestroAnalysisException($"{clusterCount} Cluster directives: MAESTRO models at most {MaxLevels - 1}");
        }

        int unitClusters = uppermost * (numPes / uppermost);
        if (unitClusters < 1)
        {
            throw new MaestroAnalysisException($"the clusters need {uppermost} PEs, more than the {numPes} there are");
        }

        // Level 0's dimensions: the layer's and its outputs.
        KernelLevel top = Levels[0];
        top.Clear();
        SetDim(top, Dim.K, layer.K, 1);
        SetDim(top, Dim.C, layer.C, 1);
        SetDim(top, Dim.Y, layer.Y, layer.Stride);
        SetDim(top, Dim.X, layer.X, layer.Stride);
        SetDim(top, Dim.R, layer.R, 1);
        SetDim(top, Dim.S, layer.S, 1);
        SetDim(top, Dim.YOut, layer.Y - layer.R + 1, layer.Stride);
        SetDim(top, Dim.XOut, layer.X - layer.S + 1, layer.Stride);
        int fullR = layer.R, fullS = layer.S;

        int level = 0, lastSize = unitClusters;
        _mapCount = 0;
        _aboveCount = 0;
        for (int i = 0; i <= dataflow.Length; i++)
        {
            bool isCluster = i == dataflow.Length || dataflow[i].Kind == DirectiveKind.Cluster;
            if (!isCluster)
            {
                DirectiveSpec d = dataflow[i];
                if (_mapCount == _maps.Length)
                {
                    throw new MaestroAnalysisException("a cluster level has more than 16 maps");
                }

                _maps[_mapCount++] = (d.Kind == DirectiveKind.SpatialMap, d.Size, d.Offset, d.Var);
                continue;
            }

            KernelLevel current = Levels[level];
            MakeInputCentric();
            Inherit();
            Unroll(current, inputVariables);
            ApplyOuterStride(level == 0, current, fullR, fullS);
            MakeInputCentricAgain();
            for (int m = 0; m < _mapCount; m++)
            {
                current.Add(_maps[m].Spatial, _maps[m].Size, _maps[m].Offset, _maps[m].Var);
            }

            current.Prepare(level == 0 ? unitClusters / uppermost : lastSize);
            lastSize = i < dataflow.Length ? dataflow[i].Size : innermost;
            if (i == dataflow.Length)
            {
                LevelCount = level + 1;
                return;
            }

            KernelLevel lower = Levels[level + 1];
            lower.Clear();
            foreach (int v in inputVariables)
            {
                int m = FirstMap(v);
                SetDim(lower, v, Math.Min(_maps[m].Size, current.Dimension(v)), current.Strides[v]);
            }

            _maps.AsSpan(0, _mapCount).CopyTo(_above);
            _aboveCount = _mapCount;
            _mapCount = 0;
            level++;
        }
    }

    private static void SetDim(KernelLevel level, int v, int size, int stride)
    {
        level.Dims[v] = size;
        level.Strides[v] = stride;
        level.HasDim[v] = true;
    }

    private int FirstMap(int v)
    {
        for (int m = 0; m < _mapCount; m++)
        {
            if (_maps[m].Var == v)
            {
                return m;
            }
        }

        return -1;
    }

    private int LastMapSize(int v)
    {
        for (int m = _mapCount - 1; m >= 0; m--)
        {
            if (_maps[m].Var == v)
            {
                return _maps[m].Size;
            }
        }

        return -1;
    }

    private void MakeInputCentric()
    {
        for (int pair = 0; pair < 2; pair++)
        {
            (int output, int input, int filter) = pair == 0 ? (Dim.XOut, Dim.X, Dim.S) : (Dim.YOut, Dim.Y, Dim.R);
            int first = FirstMap(output);
            if (first < 0 || FirstMap(input) >= 0)
            {
                continue;
            }

            int filterSize = LastMapSize(filter);
            if (filterSize < 0)
            {
                throw new MaestroAnalysisException($"{(output == Dim.XOut ? "X'" : "Y'")} is mapped at a cluster level that does not map {(filter == Dim.S ? "S" : "R")}");
            }

            _maps[first] = (_maps[first].Spatial, LastMapSize(output) + filterSize - 1, _maps[first].Offset, input);
        }
    }

    /// <summary>The cluster unit's own pass: any output map left becomes input-centric whatever else the level maps.</summary>
    private void MakeInputCentricAgain()
    {
        for (int m = 0; m < _mapCount; m++)
        {
            if (_maps[m].Var is not (Dim.XOut or Dim.YOut))
            {
                continue;
            }

            int filter = _maps[m].Var == Dim.XOut ? Dim.S : Dim.R;
            int filterSize = LastMapSize(filter);
            if (filterSize < 0)
            {
                throw new MaestroAnalysisException($"{(filter == Dim.S ? "X'" : "Y'")} is mapped at a cluster level that does not map {(filter == Dim.S ? "S" : "R")}");
            }

            _maps[m] = (_maps[m].Spatial, _maps[m].Size + filterSize - 1, _maps[m].Offset, filter == Dim.S ? Dim.X : Dim.Y);
        }
    }

    private void Inherit()
    {
        for (int a = 0; a < _aboveCount; a++)
        {
            if (FirstMap(_above[a].Var) < 0)
            {
                if (_mapCount == _maps.Length)
                {
                    throw new MaestroAnalysisException("a cluster level has more than 16 maps");
                }

                for (int m = _mapCount; m > 0; m--)
                {
                    _maps[m] = _maps[m - 1];
                }

                _maps[0] = (false, _above[a].Size, _above[a].Offset, _above[a].Var);
                _mapCount++;
            }
        }
    }

    private void Unroll(KernelLevel level, int[] inputVariables)
    {
        foreach (int v in inputVariables)
        {
            if (FirstMap(v) < 0 && level.HasDim[v])
            {
                _maps[_mapCount++] = (false, level.Dims[v], level.Dims[v], v);
            }
        }
    }

    private void ApplyOuterStride(bool top, KernelLevel level, int fullR, int fullS)
    {
        for (int m = 0; m < _mapCount; m++)
        {
            int v = _maps[m].Var;
            if (!level.HasDim[v])
            {
                throw new MaestroAnalysisException("a dimension is missing from a cluster level");
            }

            int stride = level.Strides[v];
            if (v is not (Dim.X or Dim.Y) || stride == 1)
            {
                continue;
            }

            int sliding = v == Dim.X ? fullS : fullR;
            if (_maps[m].Size < sliding)
            {
                continue;
            }

            int outputs = (_maps[m].Size + stride - sliding) / stride;
            int first = FirstMap(v);
            int offset = !top && sliding < stride ? outputs * sliding : outputs * stride;
            _maps[first] = (_maps[first].Spatial, (outputs * Math.Min(stride, sliding)) + Math.Max(sliding - stride, 0), offset, v);
        }
    }
}
