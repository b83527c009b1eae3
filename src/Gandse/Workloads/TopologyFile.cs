using System.Globalization;

namespace Gandse.Workloads;

/// <summary>
/// A SCALE-Sim v2 topology file read as a network (SCALE-Sim's <c>topology_utils.py</c>). Conv topologies have the
/// columns <c>Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides</c>
/// (and optionally a column stride); the input is taken as already padded, so the output is
/// ⌈(H − R + stride) / stride⌉ on each side. A layer whose name contains <c>DP</c> is depthwise: SCALE-Sim runs it
/// as one single-channel layer per channel, here one layer repeated Channels times. GEMM topologies
/// (<c>Layer, M, N, K</c>, SCALE-Sim's <c>-i gemm</c>) give each layer's M, N, K directly.
/// </summary>
public static class TopologyFile
{
    /// <summary>Reads a SCALE-Sim v2 topology CSV (conv or GEMM form) as a network; a row SCALE-Sim could not read is a <see cref="UsageException"/> naming its line.</summary>
    public static Network Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"topology file '{path}' does not exist");
        }

        string[] lines = File.ReadAllLines(path);
        string[] header = lines.Length > 0 ? Cells(lines[0]) : Array.Empty<string>();
        bool gemm = header.Length >= 4 && header[1] == "M" && header[2] == "N" && header[3] == "K";
        if (!gemm && (header.Length < 8 || !header[1].StartsWith("IFMAP", StringComparison.OrdinalIgnoreCase)))
        {
            throw new UsageException($"{path} line 1: not a SCALE-Sim topology; expected 'Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,' or 'Layer, M, N, K,'");
        }

        var layers = new List<NetworkLayer>();
        for (int i = 1; i < lines.Length; i++)
        {
            // Rows of empty cells (",,,,,,,", as some of SCALE-Sim's own files have under the header) hold no layer.
            if (Cells(lines[i]).Any(c => c.Length > 0))
            {
                layers.Add(gemm ? GemmLayer(path, i + 1, Cells(lines[i])) : ConvLayer(path, i + 1, Cells(lines[i])));
            }
        }

        return layers.Count > 0
            ? new Network(Path.GetFileNameWithoutExtension(path), layers)
            : throw new UsageException($"{path}: the topology has no layers");
    }

    /// <summary>A row's cells, trimmed; SCALE-Sim's rows end with a comma, which adds no cell.</summary>
    private static string[] Cells(string line)
    {
        string[] cells = line.Split(',').Select(c => c.Trim()).ToArray();
        return cells.Length > 0 && cells[^1].Length == 0 ? cells[..^1] : cells;
    }

    private static NetworkLayer GemmLayer(string path, int line, string[] cells)
    {
        long[] v = Numbers(path, line, cells, 3, "M, N, K");
        return new NetworkLayer(cells[0], new Gemm(v[0], v[1], v[2]));
    }

    private static NetworkLayer ConvLayer(string path, int line, string[] cells)
    {
        // A ninth cell is the column stride; an empty one starts notes (Resnet50.csv's Eh, Ew, e2) that are not read.
        long[] v = Numbers(path, line, cells, cells.Length >= 9 && cells[8].Length > 0 ? 8 : 7, "IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides");
        (long h, long w, long r, long s, long channels, long filters, long strideH) = (v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
        long strideW = v.Length > 7 ? v[7] : strideH;
        if (r > h || s > w)
        {
            throw new UsageException($"{path} line {line}: filter {r}x{s} is larger than the input {h}x{w} in layer '{cells[0]}'");
        }

        long outputs = CeilDiv(h - r + strideH, strideH) * CeilDiv(w - s + strideW, strideW);
        bool depthwise = cells[0].Contains("DP", StringComparison.Ordinal);
        return depthwise
            ? new NetworkLayer(cells[0], new Gemm(outputs, filters, r * s), channels)
            : new NetworkLayer(cells[0], new Gemm(outputs, filters, r * s * channels));
    }

    private static long[] Numbers(string path, int line, string[] cells, int count, string names)
    {
        if (cells.Length < count + 1)
        {
            throw new UsageException($"{path} line {line}: expected a layer name and {count} numbers ({names}), got {cells.Length} cells");
        }

        var values = new long[count];
        for (int i = 0; i < count; i++)
        {
            if (!long.TryParse(cells[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out values[i]) || values[i] <= 0)
            {
                throw new UsageException($"{path} line {line}: '{cells[i + 1]}' is not a positive integer (layer '{cells[0]}')");
            }
        }

        return values;
    }

    private static long CeilDiv(long a, long b) => (a + b - 1) / b;
}
