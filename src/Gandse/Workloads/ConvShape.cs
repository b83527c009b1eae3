namespace Gandse.Workloads;

/// <summary>
/// A layer as MAESTRO reads it: output channels K, input channels C, input height Y and width X (padding
/// included), filter height R and width S, one stride for both axes, and whether it is depthwise (MAESTRO's
/// DSCONV: one filter per channel, K = 1).
/// </summary>
public sealed record ConvShape(long K, long C, long Y, long X, long R, long S, long Stride = 1, bool Depthwise = false);
