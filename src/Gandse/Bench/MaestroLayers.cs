using Gandse.Conditions;
using Gandse.CostModels.Maestro;
using Gandse.Workloads;

namespace Gandse.Bench;

/// <summary>
/// Conv layers drawn as the AIrchitect-v2 dataset's authors drew theirs (K and C even from 2 to 512; Y and X from
/// 1, 8, 16, …, 256, at least the filter; R = S from 1, 3, 5, 7, 9), with a dataflow template (dla, eye, shi), in the
/// ConfuciuX setting: the inputs the maestro benchmarks time.
/// </summary>
public static class MaestroLayers
{
    private static readonly int[] Sides = new[] { 1 }.Concat(Enumerable.Range(1, 32).Select(i => i * 8)).ToArray();
    private static readonly int[] Filters = { 1, 3, 5, 7, 9 };

    /// <summary>One drawn layer as a condition of the maestro space, its template in <c>dataflow</c>.</summary>
    public static Condition Draw(Random random)
    {
        int filter = Filters[random.Next(Filters.Length)];
        long Side() => Math.Max(filter, Sides[random.Next(Sides.Length)]);
        var layer = new ConvShape(2 * random.Next(1, 257), 2 * random.Next(1, 257), Side(), Side(), filter, filter);
        return new Condition(new DataflowLayer(layer), new Dictionary<string, double> { [MaestroConditions.Dataflow] = random.Next(3) });
    }
}
