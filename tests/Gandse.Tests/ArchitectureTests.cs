using System.Text.RegularExpressions;

namespace Gandse.Tests;

/// <summary>
/// The library's folders follow the one-way flow: each imports only folders upstream of it, and the systolic
/// space is reached only through its own folders and the registration points.
/// </summary>
public partial class ArchitectureTests
{
    /// <summary>Upstream first: a folder may import only folders listed before it.</summary>
    private static readonly string[] Flow =
    {
        "Runtime", "Io", "Tensors", "Spaces", "Workloads", "Conditions", "Objectives", "CostModels", "Optimum", "Simulators",
        "Config", "Tasks", "Data", "Runs", "Methods", "Harness", "Bench",
    };

    private static readonly string Library = Path.Combine(Repository.Root, "src", "Gandse");

    [Fact]
    public void Every_folder_imports_only_folders_upstream_of_it()
    {
        var violations = new List<string>();
        foreach (string file in Directory.EnumerateFiles(Library, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/") && !f.Contains("/bin/")))
        {
            string relative = Path.GetRelativePath(Library, file);
            if (!relative.Contains(Path.DirectorySeparatorChar))
            {
                continue;
            }

            string folder = relative.Split(Path.DirectorySeparatorChar)[0];
            int at = Array.IndexOf(Flow, folder);
            Assert.True(at >= 0, $"folder {folder} is not placed in the flow; add it to {nameof(Flow)}");
            foreach (string used in Imports().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value).Distinct())
            {
                int usedAt = Array.IndexOf(Flow, used);
                if (usedAt > at)
                {
                    violations.Add($"{relative} imports {used}, downstream of {folder}");
                }
            }
        }

        Assert.Empty(violations);
    }

    [Theory]
    [InlineData("Conditions")]
    [InlineData("Data")]
    [InlineData("Harness")]
    [InlineData("Methods")]
    [InlineData("Config")]
    public void Shared_folders_name_no_systolic_type(string folder)
    {
        var named = Directory.EnumerateFiles(Path.Combine(Library, folder), "*.cs", SearchOption.AllDirectories)
            .Where(f => Systolic().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(Library, f))
            .ToList();

        Assert.Empty(named);
    }

    [Fact]
    public void The_clis_shared_code_names_no_systolic_type()
    {
        string cli = Path.Combine(Repository.Root, "src", "Gandse.Cli");
        var named = Directory.EnumerateFiles(cli, "*.cs").Where(f => Systolic().IsMatch(File.ReadAllText(f))).Select(Path.GetFileName).ToList();

        Assert.Empty(named);
    }

    [GeneratedRegex(@"\bGandse\.(\w+)")]
    private static partial Regex Imports();

    [GeneratedRegex(@"\bSystolic\w*\b|\bTasks\.Systolic\b|\bScaleSim\w*\b")]
    private static partial Regex Systolic();
}
