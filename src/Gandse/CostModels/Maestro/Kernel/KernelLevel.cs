namespace Gandse.CostModels.Maestro.Kernel;

/// <summary>
/// A cluster level compiled for the kernel: its maps as parallel arrays (kind, size, offset, dimension), the
/// directive of each dimension, its static dimensions and strides, sub-cluster count and spatial edge, and the
/// reuse volumes per dimension (mapped, unique, and their edge values) that the reference keeps in dictionaries.
/// </summary>
internal sealed class KernelLevel
{
    public int Count;
    public readonly bool[] Spatial = new bool[16];
    public readonly int[] Size = new int[16];
    public readonly int[] Offset = new int[16];
    public readonly int[] Var = new int[16];
    public readonly int[] DirectiveOf = new int[Dim.Count];
    public readonly int[] LastOf = new int[Dim.Count];
    public readonly int[] Dims = new int[Dim.Count];
    public readonly bool[] HasDim = new bool[Dim.Count];
    public readonly int[] Strides = new int[Dim.Count];
    public readonly long[] Mapped = new long[Dim.Count];
    public readonly long[] Unique = new long[Dim.Count];
    public readonly long[] MappedEdge = new long[Dim.Count];
    public readonly long[] UniqueEdge = new long[Dim.Count];
    public readonly bool[] HasMapped = new bool[Dim.Count];
    // Each map's state: its dimension's last map's (MAESTRO keys states by name).
    public readonly int[] StateOf = new int[16];
    // Bit i: map i is its dimension's last map, so states are kept under it.
    public int StateMaps;
    // Per tensor (input, filter, output): whether a dimension of it is spatially mapped, the last such dimension's state,
    // and the states whose edge makes the tensor's share an edge one; then the same over the output and every spatial map.
    public readonly bool[] TensorSpatial = new bool[3];
    public readonly int[] TensorLast = new int[3];
    public readonly int[] TensorEdgeStates = new int[3];
    // Per tensor, the maps whose dimension indexes it (bit i for map i).
    public readonly int[] TensorMaps = new int[3];
    public bool AllSpatial;
    public int AllLast;
    public int AllEdgeStates;
    public int Clusters;
    public int EdgeClusters;
    public int SpatialIndex;

    public void Clear()
    {
        Count = 0;
        for (int v = 0; v < Dim.Count; v++)
        {
            DirectiveOf[v] = LastOf[v] = -1;
            HasDim[v] = HasMapped[v] = false;
            Mapped[v] = Unique[v] = MappedEdge[v] = UniqueEdge[v] = 0;
        }
    }

    public void Add(bool spatial, int size, int offset, int variable)
    {
        if (Count == Spatial.Length)
        {
            throw new Analysis.MaestroAnalysisException("a cluster level has more than 16 maps");
        }

        Spatial[Count] = spatial;
        Size[Count] = size;
        Offset[Count] = offset;
        Var[Count] = variable;
        if (DirectiveOf[variable] < 0)
        {
            DirectiveOf[variable] = Count;
        }

        // A case keeps one state per dimension, the last map's (MAESTRO keys them by name).
        LastOf[variable] = Count;

        Count++;
    }

    /// <summary>Sub-cluster count, spatial edge and reuse volumes, once the maps and dimensions are set.</summary>
    public void Prepare(int clusters)
    {
        Clusters = clusters;
        SpatialIndex = -1;
        int spatialMaps = 0;
        for (int i = 0; i < Count; i++)
        {
            if (Spatial[i])
            {
                spatialMaps++;
                SpatialIndex = SpatialIndex < 0 ? i : SpatialIndex;
            }
        }

        if (SpatialIndex < 0)
        {
            throw new Analysis.MaestroAnalysisException("a cluster level has no SpatialMap");
        }

        if (spatialMaps > 2)
        {
            throw new Analysis.MaestroAnalysisException("a cluster level has more than two SpatialMaps");
        }

        StateMaps = 0;
        for (int i = 0; i < Count; i++)
        {
            StateOf[i] = LastOf[Var[i]];
            StateMaps |= StateOf[i] == i ? 1 << i : 0;
        }

        EdgeClusters = SpatialEdgeClusters(Size[SpatialIndex], Offset[SpatialIndex], Dimension(Var[SpatialIndex]), clusters);
        for (int i = 0; i < Count; i++)
        {
            int v = Var[i], size = Size[i], offset = Offset[i], dimension = Dimension(v);
            // A map that covers its dimension has no steady steps; the division is skipped for it.
            int steady = dimension <= size ? 0 : Math.Max((dimension - size) / offset, 0);
            bool hasEdge = (steady * offset) + size < dimension || size > dimension;
            Mapped[v] = size;
            HasMapped[v] = true;
            Unique[v] = !Spatial[i] && dimension <= size ? 0 : Math.Min(size, offset);
            int edgeSize = dimension - ((steady + 1) * offset);
            edgeSize = edgeSize < 0 ? dimension : edgeSize;
            MappedEdge[v] = hasEdge ? edgeSize : size;
            UniqueEdge[v] = Math.Max(offset - (size - edgeSize), 0);
        }

        for (int i = 0; i < Count; i++)
        {
            int v = Var[i];
            if (v is Dim.X or Dim.Y)
            {
                int sliding = Dim.Sliding(v), output = Dim.Output(v);
                Mapped[output] = Mapped[v] - Mapped[sliding] + 1;
                HasMapped[output] = true;
                Unique[output] = Math.Min(Offset[i], Size[i]);
                MappedEdge[output] = MappedEdge[v] - MappedEdge[sliding] + 1;
                UniqueEdge[output] = Math.Min(Offset[i], MappedEdge[output]);
            }
        }
    }

    /// <summary>The tensors' spatial tables (see the fields), once the maps are prepared.</summary>
    public void PrepareTensors(KernelTensors tensors)
    {
        for (int t = 0; t < 3; t++)
        {
            int[] coupled = t == 0 ? tensors.Input : t == 1 ? tensors.Filter : tensors.Output;
            bool spatial = false;
            int last = -1, edgeStates = 0;
            foreach (int v in coupled)
            {
                int map = DirectiveOf[v];
                if (map >= 0 && Spatial[map])
                {
                    spatial = true;
                    last = LastOf[v];
                    edgeStates |= 1 << last;
                }
            }

            int mask = t == 0 ? tensors.InputMask : t == 1 ? tensors.FilterMask : tensors.OutputMask, maps = 0;
            for (int i = 0; i < Count; i++)
            {
                maps |= (mask & (1 << Var[i])) != 0 ? 1 << i : 0;
            }

            TensorMaps[t] = maps;
            TensorSpatial[t] = spatial;
            TensorLast[t] = last;
            TensorEdgeStates[t] = edgeStates;
        }

        (AllSpatial, AllLast, AllEdgeStates) = (TensorSpatial[2], TensorLast[2], TensorEdgeStates[2]);
        for (int i = 0; i < Count; i++)
        {
            if (Spatial[i])
            {
                AllSpatial = true;
                AllLast = StateOf[i];
                AllEdgeStates |= 1 << AllLast;
            }
        }
    }

    public int Dimension(int v) => HasDim[v] ? Dims[v] : throw new Analysis.MaestroAnalysisException("a dimension is missing from a cluster level");

    private static int SpatialEdgeClusters(int size, int offset, int dimension, int clusters)
    {
        if (dimension <= size)
        {
            return 1;
        }

        int fullCoverage = (offset * (clusters - 1)) + size;
        int edge;
        if (dimension > fullCoverage)
        {
            int steady = ((((dimension - size) / offset) + 1) / clusters) - 1;
            int remaining = dimension - ((steady + 1) * offset * clusters);
            edge = remaining < size ? 1 : ((remaining - size) / offset) + 1;
        }
        else if (dimension > size)
        {
            edge = ((dimension - size) / offset) + 1;
            if ((offset * (edge - 1)) + size < dimension)
            {
                edge++;
            }
        }
        else
        {
            edge = 1;
        }

        return dimension <= size ? 1 : edge;
    }
}
