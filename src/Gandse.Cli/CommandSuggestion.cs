using System.CommandLine;

namespace Gandse.Cli;

/// <summary>For a mistyped command: the nearest command by edit distance, so "evalute" points at "evaluate".</summary>
public static class CommandSuggestion
{
    /// <summary>
    /// The message for <paramref name="token"/> when it names no subcommand of <paramref name="parent"/>, or null when
    /// it does (or <paramref name="parent"/> has none).
    /// </summary>
    public static string? Unknown(Command parent, string token)
    {
        var names = parent.Subcommands.Select(c => c.Name).ToList();
        if (names.Count == 0 || token.StartsWith('-') || names.Contains(token))
        {
            return null;
        }

        string nearest = names.MinBy(name => Distance(token.ToLowerInvariant(), name))!;
        string suggestion = Distance(token.ToLowerInvariant(), nearest) <= Math.Max(2, nearest.Length / 3) ? $"; did you mean '{nearest}'?" : string.Empty;
        return $"unknown command '{token}'{suggestion} (commands: {string.Join(", ", names)})";
    }

    /// <summary>The message for a command that needs a subcommand and was given none (<c>gandse space</c>), or null.</summary>
    public static string? Missing(Command command, string path) =>
        command.Subcommands.Count > 0 && command.Action is null
            ? $"'{path}' needs a command: {string.Join(", ", command.Subcommands.Select(c => c.Name))}"
            : null;

    /// <summary>Levenshtein distance, with an adjacent swap counting as one edit.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (int j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
