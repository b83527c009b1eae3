using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Gandse.Config;

/// <summary>Writes resolved settings back as YAML, and hashes the settings a dataset depends on.</summary>
public static class ConfigWriter
{
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

    /// <summary>
    /// 16 hex digits of SHA-256 over the task, the seed and every data setting but the cache folder: the key of
    /// a cached dataset. Anything that changes which conditions are drawn or how they are labelled changes it.
    /// </summary>
    public static string DatasetHash(ExperimentConfig config)
    {
        var text = new StringBuilder();
        text.Append("task=").Append(config.Task).Append('\n').Append("seed=").Append(config.DataSeed()).Append('\n');
        foreach ((string path, object? value) in ConfigBinder.Flatten(config.Data, "data."))
        {
            if (path != "data.cache_dir" && path != "data.seed")
            {
                text.Append(path).Append('=').Append(ConfigBinder.Format(value)).Append('\n');
            }
        }

        text.Append("format=").Append(Gandse.Data.DatasetFile.FormatVersion).Append('\n');

        // Labels are the cost model's optima: a changed model must not reuse them.
        text.Append("model=").Append(Gandse.CostModels.Systolic.SystolicReferenceModel.Fingerprint);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16].ToLowerInvariant();
    }

    private static void Write(StringBuilder builder, object settings, int indent)
    {
        foreach (PropertyInfo property in settings.GetType().GetProperties())
        {
            object? value = property.GetValue(settings);
            builder.Append(' ', indent).Append(ConfigBinder.SnakeCase(property.Name)).Append(':');
            if (value is not null && property.PropertyType.IsClass && property.PropertyType != typeof(string)
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
