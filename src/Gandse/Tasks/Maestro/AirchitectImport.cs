using Gandse.CostModels.Maestro;
using Gandse.Tensors;
using Gandse.Workloads;
using static TorchSharp.torch;
using P = Gandse.CostModels.Maestro.MaestroParameterNames;

namespace Gandse.Tasks.Maestro;

/// <summary>
/// Checks an AIrchitect-v2 file against the maestro model before it becomes a Gandse dataset: every row's labelled
/// design evaluated in one batch, its runtime compared with the row's reward (the real MAESTRO reproduces every
/// reward, so the model must too), and the dataset's class balance (how often the commonest ConfigID is the label).
/// </summary>
public static class AirchitectImport
{
    /// <summary>What the check found.</summary>
    public sealed record Report(int Rows, int Layers, IReadOnlyList<(AirchitectRow Row, double Model)> Mismatches, int MajorityConfigId, double MajorityShare);

    /// <summary>Evaluates every row's labelled design, <paramref name="batch"/> rows at a time; <paramref name="progress"/> hears (rows done, rows).</summary>
    public static Report Check(IReadOnlyList<AirchitectRow> rows, Action<int, int>? progress = null, int batch = 8192)
    {
        var model = new MaestroCostModel(AirchitectSpace.Create());
        var mismatches = new List<(AirchitectRow, double)>();
        for (int start = 0; start < rows.Count; start += batch)
        {
            using IDisposable scope = NewDisposeScope();
            List<AirchitectRow> slice = rows.Skip(start).Take(batch).ToList();
            Tensor Column(Func<AirchitectRow, double> value) => tensor(slice.Select(value).ToArray(), ScalarType.Float64);
            var designs = new ValueBatch(new Dictionary<string, Tensor>
            {
                [P.NumPe] = Column(r => (r.ConfigId / 12) + 1),
                [P.KTileSz] = Column(r => (r.ConfigId % 12) + 1),
            });
            var conditions = new ValueBatch(ConvFields.All.Select(f => new KeyValuePair<string, Tensor>(f, Column(r => ConvFields.Of(r.Layer).First(p => p.Key == f).Value))));
            conditions[MaestroConditions.Dataflow] = Column(r => r.Dataflow);
            double[] runtime = model.Evaluate(designs, conditions)[MaestroMetricValues.RuntimeCycles].data<double>().ToArray();
            for (int i = 0; i < slice.Count; i++)
            {
                if (runtime[i] != slice[i].Reward)
                {
                    mismatches.Add((slice[i], runtime[i]));
                }
            }

            progress?.Invoke(Math.Min(start + batch, rows.Count), rows.Count);
        }

        IGrouping<int, AirchitectRow> majority = rows.GroupBy(r => r.ConfigId).OrderByDescending(g => g.Count()).First();
        return new Report(rows.Count, rows.Select(r => r.Layer).Distinct().Count(), mismatches, majority.Key, (double)majority.Count() / rows.Count);
    }
}
