namespace Gandse.Harness;

/// <summary>Mean and standard deviation over seeds of one measure.</summary>
public readonly record struct Spread(double Mean, double Std)
{
    public static Spread Of(IEnumerable<double> values)
    {
        var list = values.ToList();
        double mean = list.Average();
        double std = list.Count > 1 ? Math.Sqrt(list.Sum(v => (v - mean) * (v - mean)) / (list.Count - 1)) : 0;
        return new Spread(mean, std);
    }

    public string Format(string format) =>
        Std == 0 ? Mean.ToString(format, System.Globalization.CultureInfo.InvariantCulture)
        : $"{Mean.ToString(format, System.Globalization.CultureInfo.InvariantCulture)} ± {Std.ToString(format, System.Globalization.CultureInfo.InvariantCulture)}";
}
