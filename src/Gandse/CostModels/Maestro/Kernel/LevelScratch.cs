namespace Gandse.CostModels.Maestro.Kernel;

/// <summary>
/// One cluster level's working state while the kernel analyses it: the dimensions it was given, each map's
/// possible positions (up to three: Init, Steady, Edge) and the current case's, and the counters that walk the
/// cases in MAESTRO's order. One per level depth, reused across evaluations.
/// </summary>
internal sealed class LevelScratch
{
    public const int Init = 0, Steady = 1, Edge = 2;

    public readonly int[] Dims = new int[Dim.Count];
    public readonly bool[] HasDims = new bool[Dim.Count];
    public readonly int[] StateCount = new int[16];
    // A map's k-th position at [3 · map + k].
    public readonly int[] Position = new int[48];
    public readonly int[] Occurrences = new int[48];
    public readonly bool[] Unrolled = new bool[48];
    public readonly bool[] InitEdge = new bool[48];
    public readonly bool[] EdgeEdge = new bool[48];
    public readonly int[] Counter = new int[16];
    public readonly int[] Frequency = new int[16];
    public readonly int[] Countdown = new int[16];
    // The maps with more than one position, the ones a case walk moves.
    public readonly int[] Moving = new int[16];

    // The current case, per map: the index of its position, and that position's fields.
    public readonly int[] State = new int[16];
    // Bit i: map i's current position is at an edge / is not its first (Init).
    public int EdgeBits;
    public int NonInitBits;
    public readonly bool[] IsEdgeEdge = new bool[16];
    public readonly bool[] EdgeNow = new bool[16];

    // The output's factors per dimension (or other map) and position (OutputFactors): [(3 · entry + k) · variants + variant].
    public readonly long[] OutputFactor = new long[Dim.Count * 3 * 5];
    public readonly int[] OutputState = new int[Dim.Count];
    public int OutputCount;
    public readonly long[] OutputBase = new long[5];
    public readonly long[] SumFactor = new long[16 * 3 * 3];
    public readonly int[] SumState = new int[16];
    public int SumCount;
    public readonly long[] SumBase = new long[3];

    // The input tensors' ingress per changing map (CaseTables): [(tensor · 17 + row) · 4 + variant], row 16 for no map moved.
    public readonly long[] IngressFactor = new long[2 * 17 * 4];
    public readonly int[] IngressInitEdge = new int[2 * 17];
    public readonly bool[] IngressRefused = new bool[2 * 17];

    // The sub-cluster edge selection (CaseTables): the fixed states' bits, and the moving states' per position at
    // [48 · edgeShare + 3 · state + k].
    public readonly int[] SelectionBase = new int[2];
    public readonly int[] SelectionBits = new int[2 * 48];
    public readonly int[] SelectionMoving = new int[16];
    public int SelectionMovingCount;

    // A sub-level analysis's buffer needs (the top level keeps its own).
    public readonly long[] UpSize = new long[3];
    public readonly long[] DownSize = new long[3];

    public bool IsEdge(int map) => EdgeNow[map];
}
