using System.Diagnostics;

namespace Gandse.Simulators;

/// <summary>
/// Runs an external simulator on many cases: cached results first, then every distinct missing case in its own
/// temporary folder, up to <see cref="Parallelism"/> at a time, each killed after <see cref="Timeout"/>. A finished
/// run's folder is removed; a failed one is kept and reported with its case and log.
/// </summary>
public sealed class SimulatorRunner<TCase>
{
    private readonly IExternalSimulator<TCase> _simulator;
    private readonly SimulatorCache _cache;

    /// <summary>Runs <paramref name="simulator"/> with a cache in <paramref name="cacheDirectory"/>, each run stopped after <paramref name="timeout"/>, <paramref name="parallelism"/> at a time (the core count by default).</summary>
    public SimulatorRunner(IExternalSimulator<TCase> simulator, string cacheDirectory, TimeSpan timeout, int? parallelism = null)
    {
        _simulator = simulator;
        _cache = new SimulatorCache(cacheDirectory, simulator.Name, simulator.Identity);
        Timeout = timeout;
        Parallelism = Math.Max(1, parallelism ?? Environment.ProcessorCount);
    }

    /// <summary>How long one run may take.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>How many runs go at once.</summary>
    public int Parallelism { get; }

    /// <summary>Runs that were not in the cache, over this runner's life.</summary>
    public int Runs { get; private set; }

    /// <summary>Cases answered from the cache, over this runner's life.</summary>
    public int CacheHits { get; private set; }

    /// <summary>Metrics of every case, in order. <paramref name="progress"/> hears (runs done, runs needed).</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, double>> Run(IReadOnlyList<TCase> cases, Action<int, int>? progress = null, CancellationToken cancel = default) =>
        RunTimed(cases, progress, cancel).Select(r => r.Metrics).ToList();

    /// <summary>Metrics of every case and the seconds its run took (when it ran, or when its cached run did).</summary>
    public IReadOnlyList<(IReadOnlyDictionary<string, double> Metrics, double Seconds)> RunTimed(IReadOnlyList<TCase> cases, Action<int, int>? progress = null, CancellationToken cancel = default)
    {
        var results = new (IReadOnlyDictionary<string, double>, double)[cases.Count];
        var missing = new Dictionary<string, List<int>>();
        for (int i = 0; i < cases.Count; i++)
        {
            string key = _simulator.Key(cases[i]);
            if (_cache.TryGet(key, out IReadOnlyDictionary<string, double> cached, out double seconds))
            {
                results[i] = (cached, seconds);
                CacheHits++;
            }
            else if (missing.TryGetValue(key, out List<int>? same))
            {
                same.Add(i);
            }
            else
            {
                missing[key] = new List<int> { i };
            }
        }

        var failures = new List<SimulatorRunException>();
        int done = 0;
        progress?.Invoke(0, missing.Count);
        var options = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancel };
        Parallel.ForEach(missing, options, (pair, state) =>
        {
            try
            {
                var clock = Stopwatch.StartNew();
                IReadOnlyDictionary<string, double> metrics = RunOne(cases[pair.Value[0]], cancel);
                double seconds = clock.Elapsed.TotalSeconds;
                _cache.Put(pair.Key, metrics, seconds);
                foreach (int i in pair.Value)
                {
                    results[i] = (metrics, seconds);
                }
            }
            catch (SimulatorRunException failure)
            {
                lock (failures)
                {
                    failures.Add(failure);
                }

                state.Stop();
            }

            int finished = Interlocked.Increment(ref done);
            progress?.Invoke(finished, missing.Count);
        });
        Runs += done;
        if (failures.Count > 0)
        {
            throw failures[0];
        }

        return results;
    }

    private IReadOnlyDictionary<string, double> RunOne(TCase simulationCase, CancellationToken cancel)
    {
        string folder = Path.Combine(Path.GetTempPath(), $"gandse-{_simulator.Name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        string log = Path.Combine(folder, "run.log");
        ExternalRun run = _simulator.Prepare(simulationCase, folder);
        var start = new ProcessStartInfo(run.Executable)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in run.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach ((string name, string value) in run.Environment)
        {
            start.Environment[name] = value;
        }

        string Failed(string why) => $"{_simulator.Name} {why} on {_simulator.Describe(simulationCase)}; inputs and log in {folder} ({log})";
        using (var writer = new StreamWriter(log))
        using (var process = new Process { StartInfo = start })
        {
            object sync = new();
            void Append(object sender, DataReceivedEventArgs e)
            {
                if (e.Data is not null)
                {
                    lock (sync)
                    {
                        writer.WriteLine(e.Data);
                    }
                }
            }

            process.OutputDataReceived += Append;
            process.ErrorDataReceived += Append;
            try
            {
                process.Start();
            }
            catch (System.ComponentModel.Win32Exception exception)
            {
                throw new SimulatorRunException(Failed($"could not start '{run.Executable}' ({exception.Message})"), folder);
            }

            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            bool finished = WaitFor(process, Timeout, cancel);
            if (!finished)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                throw cancel.IsCancellationRequested
                    ? new OperationCanceledException(cancel)
                    : new SimulatorRunException(Failed($"timed out after {Timeout.TotalSeconds:F0} s"), folder);
            }

            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new SimulatorRunException(Failed($"exited with code {process.ExitCode}"), folder);
            }
        }

        IReadOnlyDictionary<string, double> metrics;
        try
        {
            metrics = _simulator.Read(simulationCase, folder);
        }
        catch (InvalidDataException exception)
        {
            throw new SimulatorRunException(Failed($"left no readable results ({exception.Message})"), folder);
        }

        Directory.Delete(folder, recursive: true);
        return metrics;
    }

    private static bool WaitFor(Process process, TimeSpan timeout, CancellationToken cancel)
    {
        var deadline = Stopwatch.StartNew();
        while (!process.WaitForExit(100))
        {
            if (cancel.IsCancellationRequested || deadline.Elapsed > timeout)
            {
                return false;
            }
        }

        return true;
    }
}
