using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Gandse.Io;

namespace Gandse.Simulators;

/// <summary>
/// Results of external simulator runs on disk, one small JSON file per case under
/// <c>DIR/NAME/IDENTITY/</c>, named by a hash of the case's key and holding the key itself, so a changed simulator
/// (another identity) or a hash collision never serves a wrong result. Files are written whole by a rename, so two
/// processes sharing the folder at worst both run a case and write the same result.
/// </summary>
public sealed class SimulatorCache
{
    private readonly string _folder;

    /// <summary>A cache in <paramref name="directory"/> for simulator <paramref name="name"/>; entries of another <paramref name="identity"/> (source hash) are not reused.</summary>
    public SimulatorCache(string directory, string name, string identity)
    {
        _folder = Path.Combine(directory, name, identity);
    }

    /// <summary>The folder holding this simulator's entries.</summary>
    public string Folder => _folder;

    /// <summary>The cached metrics for <paramref name="key"/>, if any.</summary>
    public bool TryGet(string key, out IReadOnlyDictionary<string, double> metrics) => TryGet(key, out metrics, out _);

    /// <summary>A cached result and the seconds its run took.</summary>
    public bool TryGet(string key, out IReadOnlyDictionary<string, double> metrics, out double seconds)
    {
        metrics = new Dictionary<string, double>();
        seconds = double.NaN;
        string path = PathOf(key);
        if (!File.Exists(path))
        {
            return false;
        }

        try
        {
            Entry? entry = JsonSerializer.Deserialize<Entry>(File.ReadAllText(path));
            if (entry is null || entry.Key != key || entry.Metrics is null)
            {
                return false;
            }

            metrics = entry.Metrics;
            seconds = entry.Seconds;
            return true;
        }
        catch (Exception exception) when (exception is JsonException or IOException)
        {
            // A damaged entry is a miss; the run that follows writes it again.
            return false;
        }
    }

    /// <summary>Stores a run's metrics and how long it took, atomically.</summary>
    public void Put(string key, IReadOnlyDictionary<string, double> metrics, double seconds)
    {
        Directory.CreateDirectory(_folder);
        string json = JsonSerializer.Serialize(new Entry { Key = key, Metrics = metrics.ToDictionary(p => p.Key, p => p.Value), Seconds = seconds });
        AtomicFile.Write(PathOf(key), writer => writer.Write(json));
    }

    private string PathOf(string key) =>
        Path.Combine(_folder, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32].ToLowerInvariant() + ".json");

    private sealed class Entry
    {
        public string? Key { get; set; }

        public Dictionary<string, double>? Metrics { get; set; }

        public double Seconds { get; set; } = double.NaN;
    }
}
