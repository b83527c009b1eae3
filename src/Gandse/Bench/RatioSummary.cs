namespace Gandse.Bench;

/// <summary>Distribution of model / simulator for one metric over the cases.</summary>
public sealed record RatioSummary(string Metric, int Cases, double Median, double P10, double P90, double WithinTenPercent, double Exact);
