namespace Gandse.CostModels.Maestro.Analysis;

/// <summary>Which buffer counts a tensor's traffic goes to.</summary>
internal enum DataClass
{
    Input,
    Weight,
    Output,
}

/// <summary>One of a layer's three tensors and the dimensions it is indexed by (its coupled variables), as MAESTRO lists them.</summary>
internal sealed record MaestroTensor(string Name, DataClass Class, IReadOnlyList<string> Coupled)
{
    public bool IsOutput => Class == DataClass.Output;

    public bool Uses(string variable) => Coupled.Contains(variable);

    /// <summary>The tensors of a layer type, input first, then filter, then output.</summary>
    public static IReadOnlyList<MaestroTensor> Of(MaestroLayerType type) => type switch
    {
        MaestroLayerType.DepthwiseConv => new[]
        {
            new MaestroTensor("input", DataClass.Input, new[] { "C", "Y", "X" }),
            new MaestroTensor("filter", DataClass.Weight, new[] { "C", "R", "S" }),
            new MaestroTensor("output", DataClass.Output, new[] { "C", "Y", "X" }),
        },
        _ => new[]
        {
            new MaestroTensor("input", DataClass.Input, new[] { "C", "Y", "X" }),
            new MaestroTensor("filter", DataClass.Weight, new[] { "K", "C", "R", "S" }),
            new MaestroTensor("output", DataClass.Output, new[] { "K", "Y", "X" }),
        },
    };
}
