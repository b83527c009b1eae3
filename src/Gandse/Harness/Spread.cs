namespace Gandse.Harness;

/// <summary>Mean and standard deviation over seeds of one measure.</summary>
public readonly record struct Spread(double Mean, double Std)
{
    /// <summary>Mean and sample standard deviation of <paramref name="values"/> (0 for one value).</summary>
    public static Spread Of(IEnumerable<double> values)
    {
        var list = values.ToList();
        double mean = list.Average();
        double std = list.Count > 1 ? Math.Sqrt(list.Sum(v => (v - mean) * (v - mean)) / (list.Count - 1)) : 0;
        return new Spread(mean, std);
    }

    /// <summary>"mean ± std" (the mean alone when std is 0), each number in <paramref name="format"/>.</summary>
    public string Format(string format) =>
        Std == 0 ? Mean.ToString(format, System.Globalization.CultureInfo.InvariantCulture)
        : $"{Mean.ToString(format, System.Globalization.CultureInfo.InvariantCulture)} ± {Std.ToString(format, System.Globalization.CultureInfo.InvariantCulture)}";
}
