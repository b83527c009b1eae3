using System.Reflection;

namespace Gandse.Runtime;

/// <summary>
/// The version of this build: the package version and, after a '+', the git commit it was built from (the .NET
/// SDK embeds it from the repository), so every run, checkpoint and comparison can say which code made it.
/// </summary>
public static class GandseVersion
{
    /// <summary>This build's version and commit, as --version prints it.</summary>
    public static string Current { get; } =
        typeof(GandseVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
