using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Gandse.Config;

/// <summary>Writes resolved settings back as YAML, and hashes the settings a dataset depends on.</summary>
public static class ConfigWriter
{
    /// <summary>A settings object as YAML with snake_case keys, as configs are written (resolved configs, checkpoints).</summary>
    public static string ToYaml(object settings)
    {
        var builder = new StringBuilder();
        Write(builder, settings, 0);
        return builder.ToString();
    }

    /// <summary>Markdown table of every key and value, for TensorBoard's text tab.</summary>
    public static string ToMarkdownTable(object settings)
    {
        var builder = new StringBuilder("|key|value|\n|-|-|\n");
        foreach ((string path, object? value) in ConfigBinder.Flatten(settings))
        {
            builder.Append('|').Append(path).Append('|').Append(ConfigBinder.Format(value)).Append("|\n");
        }

        return builder.ToString();
    }

    private static void Write(StringBuilder builder, object settings, int indent)
    {
        foreach (PropertyInfo property in settings.GetType().GetProperties())
        {
            object? value = property.GetValue(settings);
            builder.Append(' ', indent).Append(ConfigBinder.SnakeCase(property.Name)).Append(':');
            if (value is Dictionary<string, List<double>> map)
            {
                if (map.Count == 0)
                {
                    builder.Append(" {}\n");
                }
                else
                {
                    builder.Append('\n');
                    foreach ((string name, List<double> values) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
                    {
                        builder.Append(' ', indent + 2).Append(name).Append(": ").Append(ConfigBinder.Format(values)).Append('\n');
                    }
                }
            }
            else if (value is not null && property.PropertyType.IsClass && property.PropertyType != typeof(string)
                && !typeof(System.Collections.IEnumerable).IsAssignableFrom(property.PropertyType))
            {
                builder.Append('\n');
                Write(builder, value, indent + 2);
            }
            else
            {
                builder.Append(' ').Append(ConfigBinder.Format(value)).Append('\n');
            }
        }
    }
}
