using System.Security.Cryptography;
using System.Text;
using Gandse.Config;

namespace Gandse.Data;

/// <summary>The key a cached dataset is stored under (<see cref="DatasetBuilder.CachePath"/>).</summary>
public static class DatasetKey
{
    /// <summary>
    /// 16 hex digits of SHA-256 over the task, the seed and every data setting but the cache folder and the source
    /// file's path (a task reading one puts its content in its fingerprint), the file format and the task's cost-model fingerprint: the key of
    /// a cached dataset. Anything that changes which conditions are drawn or how they are labelled changes it.
    /// </summary>
    public static string Of(ExperimentConfig config, string modelFingerprint)
    {
        var text = new StringBuilder();
        text.Append("task=").Append(config.Task).Append('\n').Append("seed=").Append(config.DataSeed()).Append('\n');
        foreach ((string path, object? value) in ConfigBinder.Flatten(config.Data, "data."))
        {
            if (path != "data.cache_dir" && path != "data.seed" && path != "data.source")
            {
                text.Append(path).Append('=').Append(ConfigBinder.Format(value)).Append('\n');
            }
        }

        text.Append("format=").Append(DatasetFile.FormatVersion).Append('\n');

        // Labels are the cost model's optima: a changed model must not reuse them.
        text.Append("model=").Append(modelFingerprint);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16].ToLowerInvariant();
    }
}
