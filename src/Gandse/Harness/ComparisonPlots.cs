using ScottPlot;

namespace Gandse.Harness;

/// <summary>The comparison's figures, drawn with ScottPlot and saved as PNG.</summary>
public static class ComparisonPlots
{
    /// <summary>Writes the comparison's PNG figures into <paramref name="directory"/>; returns their paths.</summary>
    public static IReadOnlyList<string> Write(ComparisonResult result, IReadOnlyList<MethodAggregate> methods, string directory)
    {
        return new[]
        {
            QualityAgainstTime(methods, Path.Combine(directory, "quality-vs-time.png")),
            QualityDistribution(methods, Path.Combine(directory, "quality-distribution.png")),
            BestSoFar(result, methods, Path.Combine(directory, "best-so-far.png")),
        };
    }

    /// <summary>Each method's quality (geomean, ± std over seeds) against its median time per query.</summary>
    private static string QualityAgainstTime(IReadOnlyList<MethodAggregate> methods, string path)
    {
        var plot = new Plot();
        for (int i = 0; i < methods.Count; i++)
        {
            MethodAggregate m = methods[i];
            double x = Math.Log10(Math.Max(m.P50Milliseconds.Mean, 1e-3));
            var marker = plot.Add.Scatter(new[] { x }, new[] { m.Quality.Mean });
            marker.LegendText = m.Method;
            marker.LineWidth = 0;
            marker.MarkerSize = 12;
            marker.Color = Colors.Category10[i % 10];
            var error = plot.Add.ErrorBar(new[] { x }, new[] { m.Quality.Mean }, new[] { m.Quality.Std });
            error.Color = Colors.Category10[i % 10];
        }

        plot.Title("Quality against time per query");
        plot.Axes.Bottom.Label.Text = "ms per query (p50, verification included; log scale)";
        plot.Axes.Left.Label.Text = "quality: geomean optimum / achieved cost";
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        foreach (int power in Enumerable.Range(-1, 7))
        {
            foreach (int step in new[] { 1, 2, 5 })
            {
                double ms = step * Math.Pow(10, power);
                ticks.AddMajor(Math.Log10(ms), ms.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        plot.Axes.Bottom.TickGenerator = ticks;
        // Outside the data, so no marker hides behind it.
        plot.ShowLegend(Edge.Right);
        plot.SavePng(path, 900, 560);
        return path;
    }

    /// <summary>Empirical distribution of per-query quality (all seeds): the share of queries at or below each quality.</summary>
    private static string QualityDistribution(IReadOnlyList<MethodAggregate> methods, string path)
    {
        var plot = new Plot();
        for (int i = 0; i < methods.Count; i++)
        {
            double[] sorted = methods[i].Qualities.Order().ToArray();
            double[] share = Enumerable.Range(1, sorted.Length).Select(k => (double)k / sorted.Length).ToArray();
            var line = plot.Add.Scatter(sorted, share);
            line.LegendText = methods[i].Method;
            line.MarkerSize = 0;
            line.LineWidth = 2;
            line.Color = Colors.Category10[i % 10];
            line.ConnectStyle = ConnectStyle.StepHorizontal;
        }

        plot.Title("Distribution of per-query quality (0 = infeasible answer)");
        plot.Axes.Bottom.Label.Text = "quality: optimum / achieved cost";
        plot.Axes.Left.Label.Text = "share of queries at or below";
        plot.ShowLegend(Alignment.UpperLeft);
        plot.SavePng(path, 900, 560);
        return path;
    }

    /// <summary>Quality of the best feasible design among the first n candidates, against n (log2).</summary>
    private static string BestSoFar(ComparisonResult result, IReadOnlyList<MethodAggregate> methods, string path)
    {
        var plot = new Plot();
        double[] calls = result.CallCheckpoints.Select(c => Math.Log2(c)).ToArray();
        MarkerShape[] shapes = { MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond, MarkerShape.OpenCircle, MarkerShape.OpenSquare };
        LinePattern[] patterns = { LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted };
        for (int i = 0; i < methods.Count; i++)
        {
            var line = plot.Add.Scatter(calls, methods[i].BestSoFar.ToArray());
            line.LegendText = methods[i].Method;
            // Lines that coincide stay visible: each method has its own marker and dash, and thinner lines lie on top.
            line.LineWidth = 2 + (methods.Count - i);
            line.LinePattern = patterns[i % patterns.Length];
            line.MarkerShape = shapes[i % shapes.Length];
            line.MarkerSize = 7;
            line.Color = Colors.Category10[i % 10];
        }

        var ticks = new ScottPlot.TickGenerators.NumericManual();
        foreach (int c in result.CallCheckpoints)
        {
            ticks.AddMajor(Math.Log2(c), c.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Title("Best so far against measured calls (none feasible yet = 0.001)");
        plot.Axes.Bottom.Label.Text = "cost-model calls per query (distinct designs evaluated)";
        plot.Axes.Left.Label.Text = "quality of best feasible so far";
        plot.ShowLegend(Edge.Right);
        plot.SavePng(path, 900, 560);
        return path;
    }
}
