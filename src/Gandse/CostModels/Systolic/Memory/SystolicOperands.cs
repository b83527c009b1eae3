using Gandse.Workloads;

namespace Gandse.CostModels.Systolic.Memory;

/// <summary>
/// The fast systolic memory model, one operand at a time: DRAM traffic and the stall each SRAM alone would cause.
/// Read buffers are walked a fold (or a lap) at a time, so their DRAM reads are SCALE-Sim v2's exactly; their
/// stalls take each step's line from where in its fold the step fell. The OFMAP is a closed form. Each operand
/// reads only its own SRAM size, so a batch evaluates each distinct (array, dataflow, SRAM, bandwidth) once.
/// </summary>
internal static class SystolicOperands
{
    public static (long DramReads, long Stall) Ifmap(Dataflow dataflow, Gemm gemm, long rows, long cols, long words, long bandwidth) =>
        dataflow switch
        {
            Dataflow.Os => Streamed(new FoldGeometry(gemm.M, rows), gemm.K, rows + cols + gemm.K - 2, 0, passes: CeilDiv(gemm.N, cols), repeats: 1, words, bandwidth),
            Dataflow.Ws => Streamed(new FoldGeometry(gemm.K, rows), gemm.M, (2 * rows) + cols + gemm.M - 2, rows, passes: CeilDiv(gemm.N, cols), repeats: 1, words, bandwidth),
            _ => Held(new FoldGeometry(gemm.K, rows), new FoldGeometry(gemm.M, cols), gemm.K, (2 * rows) + cols + gemm.N - 2, words, bandwidth),
        };

    public static (long DramReads, long Stall) Filter(Dataflow dataflow, Gemm gemm, long rows, long cols, long words, long bandwidth) =>
        dataflow switch
        {
            Dataflow.Os => Streamed(new FoldGeometry(gemm.N, cols), gemm.K, rows + cols + gemm.K - 2, 0, passes: 1, repeats: CeilDiv(gemm.M, rows), words, bandwidth),
            Dataflow.Ws => Held(new FoldGeometry(gemm.K, rows), new FoldGeometry(gemm.N, cols), gemm.K, (2 * rows) + cols + gemm.M - 2, words, bandwidth),
            _ => Streamed(new FoldGeometry(gemm.K, rows), gemm.N, (2 * rows) + cols + gemm.N - 2, rows, passes: CeilDiv(gemm.M, cols), repeats: 1, words, bandwidth),
        };

    /// <summary>
    /// Every OFMAP word written, partial sums included, goes to DRAM. The array waits when a fold's writes exceed
    /// what the SRAM holds plus what drains (bandwidth words a cycle) during the fold's writing lines, or when the
    /// whole run's writes beyond one SRAM-full exceed what drains in the run.
    /// </summary>
    public static (long DramWrites, long Stall) Ofmap(Dataflow dataflow, Gemm gemm, long rows, long cols, long words, long bandwidth, long computeCycles)
    {
        long folds, writes, writingLines;
        double foldWrites;
        if (dataflow == Dataflow.Os)
        {
            folds = CeilDiv(gemm.M, rows) * CeilDiv(gemm.N, cols);
            writes = gemm.M * gemm.N;
            foldWrites = (double)writes / folds;
            writingLines = rows + cols - 1;
        }
        else
        {
            long temporal = dataflow == Dataflow.Ws ? gemm.M : gemm.N, across = dataflow == Dataflow.Ws ? gemm.N : gemm.M;
            long rowFolds = CeilDiv(gemm.K, rows), colFolds = CeilDiv(across, cols);
            folds = rowFolds * colFolds;
            writes = gemm.M * gemm.N * rowFolds;
            foldWrites = temporal * ((double)across / colFolds);
            writingLines = temporal + cols - 1;
        }

        double perFold = Math.Max(0, ((foldWrites - words) / bandwidth) - writingLines);
        double whole = ((double)(writes - words) / bandwidth) - computeCycles;
        return (writes, (long)Math.Round(Math.Max(0, Math.Max(folds * perFold, whole))));
    }

    private static (long, long) Streamed(FoldGeometry blocks, long blockRows, long linesPerFold, long lineOffset, long passes, long repeats, long words, long bandwidth)
    {
        var order = new DiagonalFetchOrder(blocks.Count, blockRows, blocks.Lanes, blocks.LastUsed);
        var window = new ReadBufferWindow(words, bandwidth, order);
        var walk = new StreamedOperandWalk(window, order, blocks, blockRows, linesPerFold, lineOffset);
        if (repeats == 1)
        {
            walk.RunPasses(passes);
        }
        else
        {
            walk.RunRepeats(repeats);
        }

        return (window.DramReads, walk.Deficit.Stall);
    }

    private static (long, long) Held(FoldGeometry rows, FoldGeometry cols, long k, long linesPerFold, long words, long bandwidth)
    {
        var order = new RowMajorFetchOrder(cols.Count, k, cols.Lanes, cols.LastUsed);
        var window = new ReadBufferWindow(words, bandwidth, order);
        var walk = new HeldOperandWalk(window, order, rows, cols, k, linesPerFold);
        walk.Run();
        return (window.DramReads, walk.Deficit.Stall);
    }

    private static long CeilDiv(long a, long b) => (a + b - 1) / b;
}
