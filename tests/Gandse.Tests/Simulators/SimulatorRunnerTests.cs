using Gandse.Simulators;

namespace Gandse.Tests.Simulators;

/// <summary>The external-simulator seam with a stand-in simulator: a shell script that writes its result file.</summary>
public sealed class SimulatorRunnerTests : IDisposable
{
    private readonly string _cache = Path.Combine(Path.GetTempPath(), $"gandse-runner-tests-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_cache))
        {
            Directory.Delete(_cache, recursive: true);
        }
    }

    /// <summary>Case = a number; the script writes twice the number, or sleeps, or fails.</summary>
    private sealed class Doubler : IExternalSimulator<int>
    {
        private readonly string _script;

        public Doubler(string script, string identity = "v1")
        {
            _script = script;
            Identity = identity;
        }

        public string Name => "doubler";

        public string Identity { get; }

        public int Runs;

        public string Key(int simulationCase) => simulationCase.ToString(System.Globalization.CultureInfo.InvariantCulture);

        public string Describe(int simulationCase) => $"case {simulationCase}";

        public ExternalRun Prepare(int simulationCase, string folder)
        {
            Interlocked.Increment(ref Runs);
            File.WriteAllText(Path.Combine(folder, "input.txt"), Key(simulationCase));
            return new ExternalRun("/bin/sh", new[] { "-c", _script }, new Dictionary<string, string> { ["CASE"] = Key(simulationCase) });
        }

        public IReadOnlyDictionary<string, double> Read(int simulationCase, string folder)
        {
            string path = Path.Combine(folder, "result.txt");
            return File.Exists(path)
                ? new Dictionary<string, double> { ["value"] = double.Parse(File.ReadAllText(path).Trim(), System.Globalization.CultureInfo.InvariantCulture) }
                : throw new InvalidDataException("result.txt is missing");
        }
    }

    private const string Double = "echo $((CASE * 2)) > result.txt";

    [Fact]
    public void Results_come_back_in_order_and_a_repeated_case_runs_once()
    {
        var simulator = new Doubler(Double);
        var runner = new SimulatorRunner<int>(simulator, _cache, TimeSpan.FromSeconds(30), parallelism: 2);

        IReadOnlyList<IReadOnlyDictionary<string, double>> results = runner.Run(new[] { 3, 5, 3, 7 });

        Assert.Equal(new[] { 6.0, 10.0, 6.0, 14.0 }, results.Select(r => r["value"]));
        Assert.Equal(3, simulator.Runs);
    }

    [Fact]
    public void A_cached_result_costs_no_run_until_the_simulator_changes()
    {
        new SimulatorRunner<int>(new Doubler(Double), _cache, TimeSpan.FromSeconds(30)).Run(new[] { 4 });
        var same = new Doubler(Double);
        var changed = new Doubler(Double, identity: "v2");

        var cachedRunner = new SimulatorRunner<int>(same, _cache, TimeSpan.FromSeconds(30));
        Assert.Equal(8, cachedRunner.Run(new[] { 4 })[0]["value"]);
        new SimulatorRunner<int>(changed, _cache, TimeSpan.FromSeconds(30)).Run(new[] { 4 });

        Assert.Equal(0, same.Runs);
        Assert.Equal(1, cachedRunner.CacheHits);
        Assert.Equal(1, changed.Runs);
    }

    [Fact]
    public void A_run_past_the_timeout_is_stopped_and_reported_with_its_case_and_log()
    {
        var runner = new SimulatorRunner<int>(new Doubler("echo started; sleep 30"), _cache, TimeSpan.FromSeconds(1));

        var failure = Assert.Throws<SimulatorRunException>(() => runner.Run(new[] { 9 }));

        Assert.Contains("timed out after 1 s on case 9", failure.Message);
        Assert.Contains("run.log", failure.Message);
        Assert.Equal("started", File.ReadAllText(Path.Combine(failure.Folder, "run.log")).Trim());
        Assert.Equal("9", File.ReadAllText(Path.Combine(failure.Folder, "input.txt")));
        Directory.Delete(failure.Folder, recursive: true);
    }

    [Fact]
    public void A_failed_run_is_reported_and_nothing_is_cached()
    {
        var simulator = new Doubler("echo boom >&2; exit 3");
        var runner = new SimulatorRunner<int>(simulator, _cache, TimeSpan.FromSeconds(30));

        var failure = Assert.Throws<SimulatorRunException>(() => runner.Run(new[] { 2 }));

        Assert.Contains("exited with code 3 on case 2", failure.Message);
        Assert.Equal("boom", File.ReadAllText(Path.Combine(failure.Folder, "run.log")).Trim());
        Assert.False(Directory.Exists(Path.Combine(_cache, "doubler", "v1")) && Directory.EnumerateFiles(Path.Combine(_cache, "doubler", "v1")).Any());
        Directory.Delete(failure.Folder, recursive: true);
    }

    [Fact]
    public void A_run_without_results_is_reported_as_such()
    {
        var runner = new SimulatorRunner<int>(new Doubler("true"), _cache, TimeSpan.FromSeconds(30));

        var failure = Assert.Throws<SimulatorRunException>(() => runner.Run(new[] { 1 }));

        Assert.Contains("left no readable results (result.txt is missing)", failure.Message);
        Directory.Delete(failure.Folder, recursive: true);
    }

    [Fact]
    public void A_damaged_cache_entry_is_a_miss()
    {
        new SimulatorRunner<int>(new Doubler(Double), _cache, TimeSpan.FromSeconds(30)).Run(new[] { 6 });
        foreach (string file in Directory.EnumerateFiles(_cache, "*.json", SearchOption.AllDirectories))
        {
            File.WriteAllText(file, "{ not json");
        }

        var simulator = new Doubler(Double);
        Assert.Equal(12, new SimulatorRunner<int>(simulator, _cache, TimeSpan.FromSeconds(30)).Run(new[] { 6 })[0]["value"]);
        Assert.Equal(1, simulator.Runs);
    }
}
