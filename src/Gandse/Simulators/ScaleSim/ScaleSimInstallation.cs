using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace Gandse.Simulators.ScaleSim;

/// <summary>
/// Where SCALE-Sim v2 is and which Python runs it: the folder from <c>--scalesim</c> or <c>GANDSE_SCALESIM</c> (the
/// one holding <c>scalesim/scale.py</c>), the interpreter from <c>GANDSE_PYTHON</c> (default
/// <c>/usr/bin/python3</c>, Debian's, which can get SCALE-Sim's packages from apt). Every problem is a one-line
/// usage error that says what to fix.
/// </summary>
public sealed class ScaleSimInstallation
{
    /// <summary>The environment variable naming SCALE-Sim's folder.</summary>
    public const string FolderVariable = "GANDSE_SCALESIM";
    /// <summary>The environment variable naming the Python that runs it.</summary>
    public const string PythonVariable = "GANDSE_PYTHON";
    /// <summary>The Python used when none is named.</summary>
    public const string DefaultPython = "/usr/bin/python3";

    private ScaleSimInstallation(string folder, string python, string identity)
    {
        Folder = folder;
        Python = python;
        Identity = identity;
    }

    /// <summary>SCALE-Sim's source folder.</summary>
    public string Folder { get; }

    /// <summary>The Python that runs it.</summary>
    public string Python { get; }

    /// <summary>"v2-" and the first 16 hex digits of a SHA-256 over SCALE-Sim's Python sources, in path order.</summary>
    public string Identity { get; }

    /// <summary>The folder from <paramref name="folder"/> or GANDSE_SCALESIM, or null when neither names one.</summary>
    public static string? Configured(string? folder) => folder ?? System.Environment.GetEnvironmentVariable(FolderVariable);

    /// <summary>The installation at <paramref name="folder"/>, or the one the environment names; a missing or broken one is a <see cref="UsageException"/> saying what to set.</summary>
    public static ScaleSimInstallation Locate(string? folder)
    {
        string? root = Configured(folder)
            ?? throw new UsageException($"SCALE-Sim v2 is not configured: give --scalesim DIR or set {FolderVariable} to the folder that holds scalesim/scale.py");
        root = Path.GetFullPath(root);
        if (!File.Exists(Path.Combine(root, "scalesim", "scale.py")))
        {
            throw new UsageException($"'{root}' is not SCALE-Sim v2: it has no scalesim/scale.py (--scalesim or {FolderVariable})");
        }

        string python = System.Environment.GetEnvironmentVariable(PythonVariable) ?? DefaultPython;
        if (!File.Exists(python))
        {
            throw new UsageException($"SCALE-Sim's Python '{python}' does not exist; set {PythonVariable} to an interpreter with numpy, pandas, absl and tqdm");
        }

        CheckPackages(python);
        return new ScaleSimInstallation(root, python, "v2-" + SourceHash(root));
    }

    private static void CheckPackages(string python)
    {
        var start = new ProcessStartInfo(python) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string argument in new[] { "-c", "import importlib.util, sys; missing = [m for m in ('numpy', 'pandas', 'absl', 'tqdm') if importlib.util.find_spec(m) is None]; print(' '.join(missing)); sys.exit(1 if missing else 0)" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        string missing = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            string packages = string.Join(' ', missing.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(m => $"python3-{m}"));
            throw new UsageException($"SCALE-Sim's Python '{python}' lacks {(missing.Length > 0 ? missing : "its packages")}: install {(packages.Length > 0 ? packages : "numpy, pandas, absl and tqdm")} (apt-get install; no pip), or set {PythonVariable}");
        }
    }

    private static string SourceHash(string root)
    {
        using var sha = SHA256.Create();
        string sources = Path.Combine(root, "scalesim");
        foreach (string file in Directory.EnumerateFiles(sources, "*.py", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
        {
            byte[] name = Encoding.UTF8.GetBytes(Path.GetRelativePath(sources, file) + "\n");
            sha.TransformBlock(name, 0, name.Length, null, 0);
            byte[] content = File.ReadAllBytes(file);
            sha.TransformBlock(content, 0, content.Length, null, 0);
        }

        sha.TransformFinalBlock(Array.Empty<byte>(), 0, 0);
        return Convert.ToHexString(sha.Hash!)[..16].ToLowerInvariant();
    }
}
