namespace Gandse.Tests.Build;

/// <summary>
/// What a user outside this repository gets: the Gandse library package referenced from a project of their own
/// (the GLIBCXX fix must come with it, or torch fails to load on Debian 12), and the gandse .NET tool.
/// </summary>
public class PackageTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    private const string ConsumerProgram = """
        using Gandse.Conditions;
        using Gandse.CostModels.Systolic;
        using Gandse.Harness;
        using Gandse.Methods;
        using Gandse.Optimum;
        using Gandse.Workloads;
        using TorchSharp;

        ITrainedMethod trained = TrainedMethods.Load(args[0]);
        Condition query = trained.Task.Query(
            WorkloadParser.Parse("gemm:M=512,N=1024,K=256"), new Dictionary<string, double> { ["mac_budget"] = 4096 });
        RankedCandidate best = Scorer.Answer(trained.Task, trained.Method(seed: 0), new[] { query }, candidates: 1024, count: 1)[0][0];
        OptimumResult optimum = new ExhaustiveOptimum(new SystolicCostModel(), trained.Task.Objective).Find(query.Values());
        Console.WriteLine($"torch {torch.arange(5).sum().item<long>()}");
        Console.WriteLine($"gan {trained.Task.Space.Format(best.Design)} total_cycles={best.Metrics["total_cycles"]}");
        Console.WriteLine($"optimum {trained.Task.Space.Format(optimum.Design!)} total_cycles={optimum.Metrics!["total_cycles"]}");
        """;

    [Fact]
    public void A_separate_project_referencing_the_packed_library_runs_torch_code_and_answers_from_a_checkpoint()
    {
        string version = "0.1.0-test-" + Guid.NewGuid().ToString("N")[..8];
        string work = Directory.CreateTempSubdirectory("gandse-package-").FullName;
        string cached = Path.Combine(GlobalPackagesFolder(), "gandse", version);
        try
        {
            string feed = Path.Combine(work, "feed");
            Pack("src/Gandse/Gandse.csproj", feed, version);
            using (var package = System.IO.Compression.ZipFile.OpenRead(Path.Combine(feed, $"Gandse.{version}.nupkg")))
            {
                string[] entries = package.Entries.Select(e => e.FullName).ToArray();
                Assert.Contains("lib/net10.0/Gandse.Core.dll", entries);
                Assert.Contains("lib/net10.0/Gandse.Core.xml", entries);
                Assert.Contains("buildTransitive/Gandse.targets", entries);
                Assert.Contains("README.md", entries);
            }

            string consumer = Path.Combine(work, "consumer");
            Directory.CreateDirectory(consumer);
            File.WriteAllText(Path.Combine(consumer, "Program.cs"), ConsumerProgram);
            File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <Nullable>enable</Nullable>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Gandse" Version="{version}" />
                  </ItemGroup>
                </Project>
                """);
            WriteFeedConfig(consumer, feed);

            string output = DotnetProcess.Run(
                "dotnet", new[] { "run", "--", Path.Combine(Repository.Root, "checkpoints", "systolic-gemm") }, consumer, Timeout);

            Assert.Contains("torch 10", output);
            Assert.Contains("optimum rows=64,cols=64,dataflow=is,ifmap_sram_kb=256,filter_sram_kb=512,ofmap_sram_kb=2048 total_cycles=38848", output);
            Assert.Contains("gan rows=", output);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
            if (Directory.Exists(cached))
            {
                Directory.Delete(cached, recursive: true);
            }
        }
    }

    [Fact]
    public void The_packed_tool_installs_a_gandse_command_that_works()
    {
        string version = "0.1.0-test-" + Guid.NewGuid().ToString("N")[..8];
        string work = Directory.CreateTempSubdirectory("gandse-tool-").FullName;
        try
        {
            string feed = Path.Combine(work, "feed");
            // The tool packs from a publish folder; kept in the temporary folder, not beside the build (500 MB of copies).
            Pack("src/Gandse.Cli/Gandse.Cli.csproj", feed, version, $"-p:PublishDir={Path.Combine(work, "publish")}/");
            string tools = Path.Combine(work, "tools");
            DotnetProcess.Run(
                "dotnet", new[] { "tool", "install", "Gandse.Cli", "--tool-path", tools, "--add-source", feed, "--version", version }, work, Timeout);

            string gandse = Path.Combine(tools, "gandse");
            // Packed from the tests' own build, the tool is that build: the same version and commit.
            Assert.Equal(Gandse.Runtime.GandseVersion.Current, DotnetProcess.Run(gandse, new[] { "--version" }, work, Timeout).Trim());
            string answer = DotnetProcess.Run(
                gandse,
                new[] { "generate", "--checkpoint", Path.Combine(Repository.Root, "checkpoints", "systolic-gemm"), "-w", "gemm:M=512,N=1024,K=256", "--mac-budget", "4096", "--json" },
                work,
                Timeout);
            Assert.Contains("\"total_cycles\": 38848", answer);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Packs from the tests' own build (no second build), under a version no cache has seen.</summary>
    private static void Pack(string project, string feed, string version, params string[] properties) =>
        DotnetProcess.Run(
            "dotnet",
            new[] { "pack", Path.Combine(Repository.Root, project), "-c", DotnetProcess.Configuration, "--no-build", "-o", feed, $"-p:Version={version}" }.Concat(properties),
            Repository.Root,
            Timeout);

    /// <summary>The local feed first; the user's own sources stay (dependencies come from the package cache).</summary>
    private static void WriteFeedConfig(string folder, string feed) =>
        File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="gandse-local" value="{feed}" />
              </packageSources>
            </configuration>
            """);

    private static string GlobalPackagesFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
}
