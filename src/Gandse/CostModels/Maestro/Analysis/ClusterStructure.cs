namespace Gandse.CostModels.Maestro.Analysis;

/// <summary>
/// Splits a layer's dataflow into cluster levels at its Cluster directives (MAESTRO's ClusterAnalysis): each level's
/// maps made input-centric, missing maps inherited from the level above (in front, as temporal maps) or unrolled
/// (a map over the whole dimension, at the back), strides applied, and the next level's dimensions cut to what
/// one sub-cluster sees. Level 0 is the top.
/// </summary>
internal static class ClusterStructure
{
    /// <summary>MAESTRO builds four NoC levels; a dataflow with more Cluster directives has none for the rest.</summary>
    private const int NocLevels = 4;

    /// <summary>The levels of <paramref name="directives"/> over <paramref name="dimensions"/> on <paramref name="numPes"/> PEs, and the innermost cluster size.</summary>
    public static (List<ClusterLevel> Levels, int InnermostSize) Build(
        IReadOnlyList<MaestroDirective> directives, DimensionTable dimensions, int numPes, IReadOnlyList<MaestroTensor> tensors)
    {
        var full = directives.Select(MapDirective.From).ToList();
        int clusterLevels = full.Count(d => d.Kind == DirectiveKind.Cluster);
        int uppermost = full.Where(d => d.Kind == DirectiveKind.Cluster).Aggregate(1, (product, d) => product * d.Size);
        int innermost = clusterLevels > 0 ? full.Last(d => d.Kind == DirectiveKind.Cluster).Size : numPes;
        full.Add(new MapDirective(DirectiveKind.Cluster, innermost, 0, string.Empty));
        if (clusterLevels >= NocLevels)
        {
            throw new MaestroAnalysisException($"{clusterLevels} Cluster directives: MAESTRO models at most {NocLevels - 1}");
        }

        int unitClusters = uppermost * (numPes / uppermost);
        if (unitClusters < 1)
        {
            throw new MaestroAnalysisException($"the clusters need {uppermost} PEs, more than the {numPes} there are");
        }

        List<string> inputVariables = tensors.Where(t => !t.IsOutput).SelectMany(t => t.Coupled).Distinct().OrderBy(v => v, StringComparer.Ordinal).ToList();
        var levels = new List<ClusterLevel>();
        int level = clusterLevels, lastSize = unitClusters;
        var dataflow = new List<MapDirective>();
        List<MapDirective>? above = null;
        DimensionTable levelDimensions = dimensions;
        foreach (MapDirective directive in full)
        {
            if (directive.Kind != DirectiveKind.Cluster)
            {
                dataflow.Add(directive);
                continue;
            }

            MakeInputCentric(dataflow);
            Inherit(above, dataflow);
            Unroll(inputVariables, levelDimensions, dataflow);
            bool top = level == clusterLevels;
            ApplyOuterStride(top, dataflow, levelDimensions, dimensions);
            int size = top ? unitClusters / uppermost : lastSize;
            MakeInputCentricAgain(dataflow);
            levels.Add(new ClusterLevel(size, dataflow, levelDimensions));
            lastSize = directive.Size;

            var lower = new DimensionTable();
            lower.CopyOverlaps(levelDimensions);
            foreach (string variable in inputVariables)
            {
                MapDirective map = dataflow.First(d => d.Variable == variable);
                lower.Add(variable, Math.Min(map.Size, levelDimensions.Size(variable)), levelDimensions.Stride(variable));
            }

            levelDimensions = lower;
            above = dataflow;
            dataflow = new List<MapDirective>();
            level--;
        }

        return (levels, innermost);
    }

    /// <summary>The full dimension table of a convolution: the given ones, the outputs X' and Y', and the overlaps (X, S) and (Y, R).</summary>
    public static DimensionTable FullDimensions(MaestroLayer layer)
    {
        var table = new DimensionTable();
        foreach ((string name, int size) in layer.Dimensions)
        {
            table.Add(name, size, name is "X" or "Y" ? layer.Stride : 1);
        }

        table.Add("X'", layer.X - layer.S + 1, layer.Stride);
        table.Add("Y'", layer.Y - layer.R + 1, layer.Stride);
        table.AddOverlap("X", "S");
        table.AddOverlap("Y", "R");
        return table;
    }

    /// <summary>A map over an output dimension (Y', X') becomes one over the input dimension it reads: R − 1 (S − 1) more rows.</summary>
    private static void MakeInputCentric(List<MapDirective> dataflow)
    {
        int? r = dataflow.LastOrDefault(d => d.Variable == "R")?.Size, s = dataflow.LastOrDefault(d => d.Variable == "S")?.Size;
        foreach ((string output, string input, int? filter) in new[] { ("X'", "X", s), ("Y'", "Y", r) })
        {
            MapDirective? outputMap = dataflow.FirstOrDefault(d => d.Variable == output);
            if (outputMap is null || dataflow.Any(d => d.Variable == input))
            {
                continue;
            }

            int outputSize = dataflow.Last(d => d.Variable == output).Size;
            outputMap.Variable = input;
            outputMap.Size = outputSize + (filter ?? throw new MaestroAnalysisException($"{output} is mapped at a cluster level that does not map {(input == "X" ? "S" : "R")}")) - 1;
        }
    }

    /// <summary>The cluster unit's own pass (DirectiveTable::ConvertToInputCentric), for an output map the first left.</summary>
    private static void MakeInputCentricAgain(List<MapDirective> dataflow)
    {
        foreach (MapDirective map in dataflow.Where(d => d.Variable is "X'" or "Y'"))
        {
            string filter = map.Variable == "X'" ? "S" : "R";
            int size = dataflow.LastOrDefault(d => d.Variable == filter)?.Size
                ?? throw new MaestroAnalysisException($"{map.Variable} is mapped at a cluster level that does not map {filter}");
            map.Variable = map.Variable == "X'" ? "X" : "Y";
            map.Size += size - 1;
        }
    }

    private static void Inherit(List<MapDirective>? above, List<MapDirective> dataflow)
    {
        if (above is null)
        {
            return;
        }

        foreach (MapDirective upper in above)
        {
            if (dataflow.All(d => d.Variable != upper.Variable))
            {
                dataflow.Insert(0, new MapDirective(DirectiveKind.TemporalMap, upper.Size, upper.Offset, upper.Variable));
            }
        }
    }

    private static void Unroll(List<string> inputVariables, DimensionTable dimensions, List<MapDirective> dataflow)
    {
        foreach (string variable in inputVariables)
        {
            if (dataflow.All(d => d.Variable != variable) && dimensions.Has(variable))
            {
                int size = dimensions.Size(variable);
                dataflow.Add(new MapDirective(DirectiveKind.TemporalMap, size, size, variable));
            }
        }
    }

    /// <summary>With a stride, a map over X (Y) that covers a whole filter width shrinks to the inputs of the outputs it covers.</summary>
    private static void ApplyOuterStride(bool top, List<MapDirective> dataflow, DimensionTable dimensions, DimensionTable full)
    {
        foreach (MapDirective directive in dataflow)
        {
            string variable = directive.Variable;
            int stride = dimensions.Stride(variable);
            if (!dimensions.IsOverlapped(variable) || dimensions.IsSliding(variable) || stride == 1)
            {
                continue;
            }

            int sliding = full.Size(dimensions.CounterPart(variable));
            if (directive.Size < sliding)
            {
                continue;
            }

            int outputs = (directive.Size + stride - sliding) / stride;
            MapDirective first = dataflow.First(d => d.Variable == variable);
            first.Size = (outputs * Math.Min(stride, sliding)) + Math.Max(sliding - stride, 0);
            first.Offset = !top && sliding < stride ? outputs * sliding : outputs * stride;
        }
    }
}
