using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Gandse.Bench;
using Gandse.Io;
using Spectre.Console;

namespace Gandse.Cli.Commands;

/// <summary><c>gandse bench transfer</c>: bo against bo-transfer on sequences of related queries.</summary>
public static class TransferCommand
{
    public static Command Build()
    {
        var command = new Command(
            "transfer",
            "Bayesian optimisation with and without transfer between related systolic-gemm queries (after Apollo): one GEMM under the "
            + "four MAC budgets, and neighbouring layers of built-in networks. Reports the score after 1, 4, 16 and 64 calls and the calls "
            + "to reach 0.99 of the exact optimum, for the queries that had earlier ones to learn from (the first of each sequence is the control).\n"
            + "Example:\n  gandse bench transfer --sequences 8 --budget 128 --csv transfer.csv");
        var sequences = new Option<int>("--sequences") { Description = "Sequences of each kind (4 queries each).", DefaultValueFactory = _ => 8 };
        var budget = new Option<int>("--budget") { Description = "Cost-model calls per query.", DefaultValueFactory = _ => 128 };
        var seed = new Option<int>("--seed") { Description = "Seed of the drawn GEMMs and of the searches.", DefaultValueFactory = _ => 0 };
        var csv = new Option<string?>("--csv") { Description = "Write every query's best-so-far at 1, 4, 16, 64 calls and its calls to 0.99 to this CSV.", HelpName = "file" };
        Option<bool> json = CommonOptions.Json();
        foreach (Option option in new Option[] { sequences, budget, seed, csv, json })
        {
            command.Options.Add(option);
        }

        command.SetAction(result =>
        {
            var io = new CliIo(result);
            int count = result.GetValue(sequences), calls = result.GetValue(budget);
            if (count <= 0)
            {
                throw new UsageException($"--sequences must be positive, got {count}");
            }

            if (calls < 64)
            {
                throw new UsageException($"--budget must be at least 64 (the last call count reported), got {calls}");
            }

            string? csvPath = result.GetValue(csv);
            if (csvPath is not null)
            {
                CliPaths.CheckWritable(csvPath, "--csv");
            }

            bool asJson = result.GetValue(json);
            IReadOnlyList<TransferQuery> queries = new TransferBenchmark(count, calls, result.GetValue(seed)).Run(asJson ? null : m => io.Error.WriteLine($"bench: {m}"));
            if (csvPath is not null)
            {
                AtomicFile.Write(csvPath, writer => WriteCsv(writer, queries));
            }

            Write(io, TransferSummary.Of(queries), calls, asJson);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteCsv(TextWriter writer, IReadOnlyList<TransferQuery> queries)
    {
        writer.WriteLine("method,kind,sequence,position," + string.Join(",", TransferSummary.Calls.Select(c => $"quality_at_{c}")) + ",calls_to_0.99");
        foreach (TransferQuery q in queries)
        {
            writer.WriteLine(string.Join(",", new[] { q.Method, q.Kind, q.Sequence, q.Position.ToString(CultureInfo.InvariantCulture) }
                .Concat(TransferSummary.Calls.Select(c => q.At(c).ToString("R", CultureInfo.InvariantCulture)))
                .Append(q.CallsTo(0.99)?.ToString(CultureInfo.InvariantCulture) ?? string.Empty)));
        }
    }

    private static void Write(CliIo io, IReadOnlyList<TransferSummary> summaries, int budget, bool json)
    {
        if (json)
        {
            io.WriteJson(new JsonObject
            {
                ["budget"] = budget,
                ["summaries"] = new JsonArray(summaries.Select(s => (JsonNode)new JsonObject
                {
                    ["method"] = s.Method,
                    ["kind"] = s.Kind,
                    ["queries"] = s.Later ? "later" : "first",
                    ["count"] = s.Queries,
                    ["score_at"] = new JsonObject(TransferSummary.Calls.Select((c, i) => KeyValuePair.Create(c.ToString(CultureInfo.InvariantCulture), (JsonNode?)Math.Round(s.ScoreAt[i], 4)))),
                    ["reached_0_99"] = Math.Round(s.Reached, 4),
                    ["median_calls_to_0_99"] = s.MedianCallsTo99,
                }).ToArray()),
            });
            return;
        }

        var table = new Table().AddColumn("sequence").AddColumn("queries").AddColumn("method");
        foreach (int c in TransferSummary.Calls)
        {
            table.AddColumn(new TableColumn($"score @{c}").RightAligned());
        }

        table.AddColumn(new TableColumn("reached 0.99").RightAligned()).AddColumn(new TableColumn("median calls to 0.99").RightAligned());
        foreach (TransferSummary s in summaries)
        {
            var cells = new List<string> { s.Kind, $"{(s.Later ? "2nd-4th" : "1st")} ({s.Queries})", s.Method };
            cells.AddRange(s.ScoreAt.Select(v => v.ToString("F3", CultureInfo.InvariantCulture)));
            cells.Add($"{s.Reached * 100:F0} %");
            cells.Add(s.MedianCallsTo99?.ToString("F0", CultureInfo.InvariantCulture) ?? $"> {budget}");
            table.AddRow(cells.ToArray());
        }

        io.Console.Write(table);
    }
}
