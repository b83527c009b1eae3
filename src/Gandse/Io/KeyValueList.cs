namespace Gandse.Io;

/// <summary>Parses the CLI's <c>key=value,key=value</c> lists, keeping the order they were written in.</summary>
public static class KeyValueList
{
    /// <param name="text">The pairs.</param>
    /// <param name="what">What they are, for messages: "--design", "workload".</param>
    /// <param name="shown">How messages quote them (default <paramref name="text"/>): the whole spec, say.</param>
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string text, string what, string? shown = null)
    {
        shown ??= text;
        var pairs = new List<KeyValuePair<string, string>>();
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new UsageException($"empty {what}; expected key=value pairs separated by commas");
        }

        foreach (string item in text.Split(','))
        {
            int equals = item.IndexOf('=');
            string key = equals > 0 ? item[..equals].Trim() : string.Empty;
            string value = equals > 0 ? item[(equals + 1)..].Trim() : string.Empty;
            if (key.Length == 0 || value.Length == 0 || value.Contains('='))
            {
                throw new UsageException($"malformed '{item}' in {what} '{shown}'; expected key=value pairs separated by commas");
            }

            if (pairs.Any(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)))
            {
                throw new UsageException($"'{key}' is given twice in {what} '{shown}'");
            }

            pairs.Add(new KeyValuePair<string, string>(key, value));
        }

        return pairs;
    }
}
