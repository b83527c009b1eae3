using System.Globalization;
using Gandse.Workloads;

namespace Gandse.Tasks.Maestro;

/// <summary>
/// Reads the AIrchitect-v2 dataset's conv CSV (<c>K,C,X,Y,R,S,df,ConfigID,rewards</c>). Its X and Y go into
/// MAESTRO's Y and X, in that order (datasets/airchitect-v2/README.md: verified against the real MAESTRO). A bad
/// cell is a <see cref="UsageException"/> naming its line and column.
/// </summary>
public static class AirchitectCsv
{
    private static readonly string[] Header = { "K", "C", "X", "Y", "R", "S", "df", "ConfigID", "rewards" };
    private static readonly string[] Dataflows = { "dla", "eye", "shi" };

    /// <summary>Every row of <paramref name="path"/>.</summary>
    public static IReadOnlyList<AirchitectRow> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"AIrchitect-v2 dataset '{path}' not found; give the path of conv_dataset_100k.csv (../shared/datasets/airchitect-v2/ here)");
        }

        using var reader = new StreamReader(path);
        string[] header = (reader.ReadLine() ?? string.Empty).Split(',').Select(h => h.Trim()).ToArray();
        if (!header.SequenceEqual(Header))
        {
            throw new UsageException($"{path} line 1: expected the columns {string.Join(",", Header)} (AIrchitect v2's conv_dataset_100k.csv), found {string.Join(",", header)}");
        }

        var rows = new List<AirchitectRow>();
        int line = 1;
        while (reader.ReadLine() is string text)
        {
            line++;
            if (text.Trim().Length == 0)
            {
                continue;
            }

            string[] cells = text.Split(',');
            if (cells.Length != Header.Length)
            {
                throw new UsageException($"{path} line {line}: {cells.Length} cells, expected {Header.Length} ({string.Join(",", Header)})");
            }

            long Integer(int column, long min)
            {
                bool ok = double.TryParse(cells[column], NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value == Math.Floor(value) && value >= min && value < 1L << 53;
                return ok ? (long)value : throw new UsageException($"{path} line {line}: {Header[column]} '{cells[column]}' is not a whole number ≥ {min}");
            }

            int dataflow = Array.IndexOf(Dataflows, cells[6].Trim());
            if (dataflow < 0)
            {
                throw new UsageException($"{path} line {line}: df '{cells[6]}' is not a dataflow; allowed: {string.Join(", ", Dataflows)}");
            }

            long configId = Integer(7, 0);
            if (configId >= 768)
            {
                throw new UsageException($"{path} line {line}: ConfigID {configId} is beyond the 768 designs (64 PE counts × 12 KTileSz)");
            }

            var layer = new ConvShape(K: Integer(0, 1), C: Integer(1, 1), Y: Integer(2, 1), X: Integer(3, 1), R: Integer(4, 1), S: Integer(5, 1));
            rows.Add(new AirchitectRow(line, layer, dataflow, (int)configId, Integer(8, 0)));
        }

        return rows;
    }
}
