using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Gandse.Io;

/// <summary>
/// A CSV file read whole: a header of known column names (matched case-insensitively, spelled canonically)
/// and rows of cells, each with its line number. Malformed input is a <see cref="UsageException"/> naming the
/// file, the line and the bad token.
/// </summary>
public sealed class CsvTable
{
    private CsvTable(string path, string[] header, List<(int Line, string[] Cells)> rows)
    {
        Path = path;
        Header = header;
        Rows = rows;
    }

    /// <summary>The file read (or "-" for standard input).</summary>
    public string Path { get; }

    /// <summary>The header's cells, trimmed.</summary>
    public string[] Header { get; }

    /// <summary>The data rows, each with its line number in the file.</summary>
    public IReadOnlyList<(int Line, string[] Cells)> Rows { get; }

    /// <summary>The path that means standard input (or, for outputs, standard output).</summary>
    public const string StandardStream = "-";

    /// <summary>Reads an RFC 4180 CSV with a header; a column outside <paramref name="allowed"/> (matched ignoring case), a repeated column or a short row is refused with its line.</summary>
    /// <param name="path">A CSV file, or <c>-</c> for standard input.</param>
    /// <param name="allowed">The column names the caller reads.</param>
    /// <param name="example">A header line to show in errors.</param>
    public static CsvTable Read(string path, IReadOnlyList<string> allowed, string example)
    {
        bool standardInput = path == StandardStream;
        if (!standardInput && !File.Exists(path))
        {
            throw new UsageException($"input file '{path}' not found");
        }

        TextReader reader = standardInput ? Console.In : new StreamReader(path);
        using var csv = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim }, leaveOpen: standardInput);
        path = standardInput ? "standard input" : path;
        if (!csv.Read() || csv.Record is null || (csv.Record.Length == 1 && csv.Record[0].Length == 0))
        {
            throw new UsageException($"'{path}' is empty; expected a header row such as {example}");
        }

        var header = new string[csv.Record.Length];
        for (int i = 0; i < header.Length; i++)
        {
            header[i] = allowed.FirstOrDefault(a => string.Equals(a, csv.Record[i], StringComparison.OrdinalIgnoreCase))
                ?? throw new UsageException($"{path} line 1: unknown column '{csv.Record[i]}'; allowed: {string.Join(", ", allowed)}");
            if (Array.IndexOf(header, header[i]) < i)
            {
                throw new UsageException($"{path} line 1: column '{csv.Record[i]}' appears twice");
            }
        }

        var rows = new List<(int, string[])>();
        while (csv.Read())
        {
            string[] cells = csv.Record!;
            if (cells.Length == 1 && cells[0].Length == 0)
            {
                continue;
            }

            if (cells.Length != header.Length)
            {
                throw new UsageException($"{path} line {csv.RawRow}: {cells.Length} cells for {header.Length} columns ({string.Join(",", header)})");
            }

            rows.Add((csv.RawRow, cells));
        }

        return new CsvTable(path, header, rows);
    }

    /// <summary>The index of column <paramref name="name"/>, or -1.</summary>
    public int Column(string name) => Array.IndexOf(Header, name);

    /// <summary>Runs <paramref name="parse"/> on every row; a <see cref="UsageException"/> gets the file and line in front.</summary>
    public List<T> Parse<T>(Func<string[], T> parse)
    {
        var parsed = new List<T>(Rows.Count);
        foreach ((int line, string[] cells) in Rows)
        {
            try
            {
                parsed.Add(parse(cells));
            }
            catch (UsageException error)
            {
                throw new UsageException($"{Path} line {line}: {error.Message}");
            }
        }

        return parsed;
    }
}
