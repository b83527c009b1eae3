using System.Security.Cryptography;

namespace Gandse.Simulators.Maestro;

/// <summary>
/// Where the MAESTRO binary is: <c>--maestro PATH</c> or <c>GANDSE_MAESTRO</c>. Build one with
/// <c>../shared/tools/build-maestro.sh DIR</c> (about 20 s). Its identity is a hash of the binary, so a rebuilt
/// MAESTRO never reuses cached results.
/// </summary>
public sealed class MaestroInstallation
{
    /// <summary>The environment variable naming the binary.</summary>
    public const string BinaryVariable = "GANDSE_MAESTRO";

    private MaestroInstallation(string binary, string identity)
    {
        Binary = binary;
        Identity = identity;
    }

    /// <summary>The MAESTRO executable.</summary>
    public string Binary { get; }

    /// <summary>The first 16 hex digits of the binary's SHA-256.</summary>
    public string Identity { get; }

    /// <summary>The binary from <paramref name="binary"/> or GANDSE_MAESTRO, or null when neither names one.</summary>
    public static string? Configured(string? binary) => binary ?? Environment.GetEnvironmentVariable(BinaryVariable);

    /// <summary>The installation named by <paramref name="binary"/> or the environment; a missing one is a <see cref="UsageException"/> saying what to set.</summary>
    public static MaestroInstallation Locate(string? binary)
    {
        string path = Configured(binary)
            ?? throw new UsageException($"MAESTRO is not configured: give --maestro PATH or set {BinaryVariable} to the maestro binary (build it with ../shared/tools/build-maestro.sh DIR)");
        path = Path.GetFullPath(path);
        if (!File.Exists(path))
        {
            throw new UsageException($"MAESTRO binary '{path}' does not exist (--maestro or {BinaryVariable}); build it with ../shared/tools/build-maestro.sh DIR");
        }

        using FileStream stream = File.OpenRead(path);
        return new MaestroInstallation(path, Convert.ToHexString(SHA256.HashData(stream))[..16].ToLowerInvariant());
    }
}
