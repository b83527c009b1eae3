using System.Collections.Concurrent;
using TorchSharp;
using static TorchSharp.torch;

namespace Gandse.Tensors;

/// <summary>
/// Tensor arithmetic that never hands libtorch a <see cref="Scalar"/> the garbage collector may free mid-call.
/// TorchSharp 0.107 turns every number in an expression (and the implicit alpha = 1 of every tensor + tensor) into a
/// fresh Scalar whose last managed use is reading its handle; a collection on another thread can then finalize it
/// while libtorch still reads it, and the call fails with "Expected false to be true" in Scalar::toDouble. Code that
/// runs millions of tensor operations between collections (the cost model, the optimum) uses these instead: every
/// constant is one long-lived Scalar, so none is ever finalized.
/// </summary>
public static class SafeOps
{
    private static readonly ConcurrentDictionary<double, Scalar> Constants = new();
    private static readonly ConcurrentDictionary<long, Scalar> Integers = new();

    /// <summary>The one floating-point Scalar for <paramref name="value"/>, kept for the life of the process.</summary>
    public static Scalar Constant(double value) => Constants.GetOrAdd(value, v => v);

    /// <summary>The one integer Scalar for <paramref name="value"/> (integer tensors stay integer), kept for the life of the process.</summary>
    public static Scalar Integer(long value) => Integers.GetOrAdd(value, v => v);

    /// <summary>a + b, with the long-lived alpha.</summary>
    public static Tensor Add(Tensor a, Tensor b) => a.add(b, Constant(1));

    /// <summary>a - b.</summary>
    public static Tensor Sub(Tensor a, Tensor b) => a.sub(b);

    /// <summary>a + b, b a long-lived constant.</summary>
    public static Tensor Add(Tensor a, double b) => a.add(Constant(b), Constant(1));

    /// <summary>a - b.</summary>
    public static Tensor Sub(Tensor a, double b) => a.sub(Constant(b));

    /// <summary>a * b.</summary>
    public static Tensor Mul(Tensor a, double b) => a.mul(Constant(b));

    /// <summary>a / b.</summary>
    public static Tensor Div(Tensor a, double b) => a.div(Constant(b));

    /// <summary>a == b, elementwise.</summary>
    public static Tensor Eq(Tensor a, double b) => a.eq(Constant(b));

    /// <summary>a clamped below at <paramref name="min"/>.</summary>
    public static Tensor ClampMin(Tensor a, double min) => a.clamp_min(Constant(min));

    /// <summary><paramref name="then"/> where <paramref name="condition"/> holds, else <paramref name="otherwise"/> (a 0-dim tensor of then's type, not a Scalar).</summary>
    public static Tensor Where(Tensor condition, Tensor then, double otherwise) => where(condition, then, tensor(otherwise, then.dtype));

    /// <summary>In place: <paramref name="target"/> += <paramref name="value"/>.</summary>
    public static void AddInPlace(Tensor target, Tensor value) => target.add_(value, Constant(1));
}
