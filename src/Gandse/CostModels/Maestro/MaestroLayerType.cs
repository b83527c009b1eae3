namespace Gandse.CostModels.Maestro;

/// <summary>The layer types the MAESTRO model analyses, with MAESTRO's tensors.</summary>
public enum MaestroLayerType
{
    /// <summary>A convolution: input C·Y·X, filter K·C·R·S, output K·Y'·X'. A GEMM is given to MAESTRO as a convolution (<see cref="MaestroLayer.Gemm"/>).</summary>
    Conv,

    /// <summary>A depthwise convolution (MAESTRO's DSCONV): input C·Y·X, filter C·R·S, output C·Y'·X'; K is 1.</summary>
    DepthwiseConv,
}
