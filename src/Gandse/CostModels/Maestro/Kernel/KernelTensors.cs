namespace Gandse.CostModels.Maestro.Kernel;

/// <summary>A layer type's three tensors for the kernel: each one's dimensions in MAESTRO's order and as a bit mask.</summary>
internal sealed class KernelTensors
{
    private KernelTensors(int[] input, int[] filter, int[] output, int[] inputVariables)
    {
        Input = input;
        Filter = filter;
        Output = output;
        InputMask = Mask(input);
        FilterMask = Mask(filter);
        OutputMask = Mask(output);
        InputVariables = inputVariables;
    }

    /// <summary>The tensors' indices in a level's tables (<see cref="KernelLevel.TensorSpatial"/>).</summary>
    public const int InputIndex = 0, FilterIndex = 1, OutputIndex = 2;

    public int[] Input { get; }

    public int[] Filter { get; }

    public int[] Output { get; }

    public int InputMask { get; }

    public int FilterMask { get; }

    public int OutputMask { get; }

    /// <summary>The input tensors' dimensions, sorted by name as MAESTRO sorts them.</summary>
    public int[] InputVariables { get; }

    public static readonly KernelTensors Conv = new(
        new[] { Dim.C, Dim.Y, Dim.X }, new[] { Dim.K, Dim.C, Dim.R, Dim.S }, new[] { Dim.K, Dim.Y, Dim.X }, new[] { Dim.C, Dim.K, Dim.R, Dim.S, Dim.X, Dim.Y });

    public static readonly KernelTensors Depthwise = new(
        new[] { Dim.C, Dim.Y, Dim.X }, new[] { Dim.C, Dim.R, Dim.S }, new[] { Dim.C, Dim.Y, Dim.X }, new[] { Dim.C, Dim.R, Dim.S, Dim.X, Dim.Y });

    public static KernelTensors Of(MaestroLayerType type) => type == MaestroLayerType.DepthwiseConv ? Depthwise : Conv;

    private static int Mask(int[] dims) => dims.Aggregate(0, (mask, d) => mask | (1 << d));
}
