using System.Diagnostics;
using Gandse.CostModels.Systolic;
using Gandse.Simulators;
using Gandse.Simulators.ScaleSim;
using Metric = Gandse.CostModels.Systolic.SystolicMetricNames;

namespace Gandse.Bench;

/// <summary>
/// How far Gandse's systolic models are from the real SCALE-Sim v2: the same cases through the fast model, the
/// exact emulator and SCALE-Sim itself; the ratio of each metric per case, the rank correlation of total_cycles,
/// and per group whether the fastest design agrees and what choosing Gandse's costs in SCALE-Sim's cycles.
/// </summary>
public static class FidelityBenchmark
{
    /// <summary>The metrics compared with SCALE-Sim, in report order.</summary>
    public static readonly IReadOnlyList<string> Metrics = new[]
    {
        Metric.TotalCycles, Metric.StallCycles, Metric.ComputeCycles, Metric.DramIfmapReads, Metric.DramFilterReads, Metric.DramOfmapWrites,
        Metric.IfmapSramReads, Metric.FilterSramReads, Metric.OfmapSramWrites,
    };

    /// <summary>Runs every case through the real simulator (cached) and Gandse's model, and summarises their agreement per metric and group; <paramref name="progress"/> gets (done, total).</summary>
    public static FidelityResult Run(IReadOnlyList<FidelityCase> cases, SimulatorRunner<ScaleSimCase> runner, string origin, Action<int, int>? progress = null)
    {
        IReadOnlyList<(IReadOnlyDictionary<string, double> Metrics, double Seconds)> simulated =
            runner.RunTimed(cases.Select(c => new ScaleSimCase(c.Hardware, c.Gemm, c.Bandwidth)).ToList(), progress);
        var fast = new SystolicReferenceModel();
        var rows = new List<FidelityRow>(cases.Count);
        for (int i = 0; i < cases.Count; i++)
        {
            FidelityCase c = cases[i];
            var clock = Stopwatch.StartNew();
            IReadOnlyDictionary<string, double> fastMetrics = fast.Evaluate(c.Hardware, c.Gemm, c.Bandwidth).ToDictionary();
            double fastSeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            IReadOnlyDictionary<string, double> exactMetrics = ScaleSimEmulator.Evaluate(c.Hardware, c.Gemm, c.Bandwidth).ToDictionary();
            double exactSeconds = clock.Elapsed.TotalSeconds;
            rows.Add(new FidelityRow(c, fastMetrics, exactMetrics, simulated[i].Metrics, fastSeconds, exactSeconds, simulated[i].Seconds));
        }

        return new FidelityResult(
            "scalesim", origin, rows,
            Metrics.Select(m => Ratios(rows, m, r => r.Fast)).ToList(),
            Metrics.Select(m => Ratios(rows, m, r => r.Exact)).ToList(),
            Spearman(rows.Select(r => r.Fast[Metric.TotalCycles]).ToArray(), rows.Select(r => r.Simulator[Metric.TotalCycles]).ToArray()),
            Groups(rows, r => r.Fast),
            Groups(rows, r => r.Exact),
            runner.Runs,
            runner.CacheHits);
    }

    private static RatioSummary Ratios(IReadOnlyList<FidelityRow> rows, string metric, Func<FidelityRow, IReadOnlyDictionary<string, double>> model)
    {
        // Both zero (no stall, say) is agreement; one zero is an infinite or zero ratio.
        double[] ratios = rows.Select(r =>
        {
            double a = model(r)[metric], b = r.Simulator[metric];
            return a == b ? 1.0 : b == 0 ? double.PositiveInfinity : a / b;
        }).OrderBy(x => x).ToArray();
        double Quantile(double q) => ratios[(int)Math.Clamp(Math.Round(q * (ratios.Length - 1)), 0, ratios.Length - 1)];
        return new RatioSummary(
            metric, ratios.Length, Quantile(0.5), Quantile(0.1), Quantile(0.9),
            ratios.Count(x => Math.Abs(x - 1) <= 0.10) / (double)ratios.Length,
            rows.Count(r => model(r)[metric] == r.Simulator[metric]) / (double)rows.Count);
    }

    private static List<GroupAgreement> Groups(IReadOnlyList<FidelityRow> rows, Func<FidelityRow, IReadOnlyDictionary<string, double>> model) =>
        rows.GroupBy(r => r.Case.Group).Select(group =>
        {
            List<FidelityRow> designs = group.ToList();
            double simulatorBest = designs.Min(r => r.Simulator[Metric.TotalCycles]);
            FidelityRow pick = designs.MinBy(r => model(r)[Metric.TotalCycles])!;
            double regret = pick.Simulator[Metric.TotalCycles] / simulatorBest;
            FidelityCase first = designs[0].Case;
            return new GroupAgreement(group.Key, $"{first.Source} {first.Gemm.Spec}", first.Bandwidth, designs.Count, regret == 1.0, regret);
        }).ToList();

    /// <summary>Spearman's rank correlation, ties given their mean rank.</summary>
    public static double Spearman(double[] a, double[] b)
    {
        double[] ra = Ranks(a), rb = Ranks(b);
        double ma = ra.Average(), mb = rb.Average();
        double cov = ra.Zip(rb, (x, y) => (x - ma) * (y - mb)).Sum();
        double va = ra.Sum(x => (x - ma) * (x - ma)), vb = rb.Sum(y => (y - mb) * (y - mb));
        return va == 0 || vb == 0 ? double.NaN : cov / Math.Sqrt(va * vb);
    }

    private static double[] Ranks(double[] values)
    {
        int[] order = Enumerable.Range(0, values.Length).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Length];
        for (int i = 0; i < order.Length;)
        {
            int j = i;
            while (j + 1 < order.Length && values[order[j + 1]] == values[order[i]])
            {
                j++;
            }

            for (int k = i; k <= j; k++)
            {
                ranks[order[k]] = (i + j) / 2.0;
            }

            i = j + 1;
        }

        return ranks;
    }
}
