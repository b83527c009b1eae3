namespace Gandse.CostModels.Maestro.Kernel;

/// <summary>The kernel's dimension indices: the six of a convolution, then the outputs Y' and X'.</summary>
internal static class Dim
{
    public const int K = 0, C = 1, Y = 2, X = 3, R = 4, S = 5, YOut = 6, XOut = 7, Count = 8;

    public static int Of(string name) => name switch
    {
        "K" => K, "C" => C, "Y" => Y, "X" => X, "R" => R, "S" => S, "Y'" => YOut, "X'" => XOut,
        _ => throw new Analysis.MaestroAnalysisException($"dimension {name} is not one of K, C, Y, X, R, S, Y', X'"),
    };

    /// <summary>The sliding dimension of a reference one (S for X, R for Y), or -1.</summary>
    public static int Sliding(int d) => d == X ? S : d == Y ? R : -1;

    /// <summary>The output dimension read for an input one (X' for X, Y' for Y), else itself.</summary>
    public static int Output(int d) => d == X ? XOut : d == Y ? YOut : d;
}
