using Gandse.CostModels.Maestro;
using Gandse.Tensors;
using Gandse.Workloads;
using static TorchSharp.torch;
using Metric = Gandse.CostModels.Maestro.MaestroMetricValues;
using P = Gandse.CostModels.Maestro.MaestroParameterNames;

namespace Gandse.Tests.CostModels.Maestro;

/// <summary>The batched MAESTRO model against the reference, row by row, and its broadcasting.</summary>
public sealed class MaestroCostModelTests
{
    private sealed record Row(string Template, int Pes, int KTile, int CTile, int Cluster, ConvShape Layer, MaestroHardware Hardware);

    [Fact]
    public void The_batched_model_equals_the_reference_on_every_row()
    {
        var random = new Random(7);
        var rows = new List<Row>();
        for (int i = 0; i < 600; i++)
        {
            int r = new[] { 1, 3, 5, 7 }[random.Next(4)];
            int pes = new[] { 1, 3, 8, 16, 31, 64, 100, 256 }[random.Next(8)];
            bool depthwise = random.NextDouble() < 0.1;
            var shape = new ConvShape(depthwise ? 1 : random.Next(1, 80), random.Next(1, 80), Math.Max(r, random.Next(1, 40)), Math.Max(r, random.Next(1, 40)), r, r, random.NextDouble() < 0.2 ? 2 : 1, depthwise);
            var hardware = random.NextDouble() < 0.3
                ? new MaestroHardware(pes, random.Next(1, 3), new[] { 1, 4, 64 }[random.Next(3)], random.Next(1, 3), random.Next(0, 3), new[] { 16, 70000 }[random.Next(2)], 512, 65536)
                : new MaestroHardware(pes);
            rows.Add(new Row(MaestroSpace.Templates[random.Next(4)], pes, random.Next(1, 13), random.Next(1, 13), new[] { 0, 1, 2, 4 }[random.Next(4)], shape, hardware));
        }

        using IDisposable scope = NewDisposeScope();
        Tensor Column(Func<Row, double> value) => tensor(rows.Select(value).ToArray(), ScalarType.Float64);
        var designs = new ValueBatch(new Dictionary<string, Tensor>
        {
            [P.Dataflow] = Column(r => MaestroSpace.Templates.ToList().IndexOf(r.Template)),
            [P.NumPe] = Column(r => r.Pes),
            [P.KTileSz] = Column(r => r.KTile),
            [P.CTileSz] = Column(r => r.CTile),
            [P.ClusterSz] = Column(r => r.Cluster),
        });
        var conditions = new ValueBatch(ConvFields.All.Select(f => new KeyValuePair<string, Tensor>(f, Column(r => ConvFields.Of(r.Layer).First(p => p.Key == f).Value))));
        conditions[MaestroConditions.NocBandwidth] = Column(r => r.Hardware.NocBandwidth);
        conditions[MaestroConditions.NocHops] = Column(r => r.Hardware.NocHops);
        conditions[MaestroConditions.NocHopLatency] = Column(r => r.Hardware.NocHopLatency);
        conditions[MaestroConditions.OffchipBandwidth] = Column(r => r.Hardware.OffchipBandwidth);
        conditions[MaestroConditions.SimdLanes] = Column(r => r.Hardware.SimdLanes);
        conditions[MaestroConditions.L1SizeLimit] = Column(r => r.Hardware.L1SizeLimit);
        conditions[MaestroConditions.L2SizeLimit] = Column(r => r.Hardware.L2SizeLimit);

        ValueBatch batched = new MaestroCostModel().Evaluate(designs, conditions);

        int analysed = 0;
        for (int i = 0; i < rows.Count; i++)
        {
            Row row = rows[i];
            var layer = new MaestroLayer(row.Layer.Depthwise ? MaestroLayerType.DepthwiseConv : MaestroLayerType.Conv, (int)row.Layer.K, (int)row.Layer.C, (int)row.Layer.Y, (int)row.Layer.X, (int)row.Layer.R, (int)row.Layer.S, (int)row.Layer.Stride);
            var constants = new Dictionary<string, int> { [P.KTileSz] = row.KTile, [P.CTileSz] = row.CTile, [P.ClusterSz] = row.Cluster == 0 ? row.Pes : row.Cluster };
            IReadOnlyDictionary<string, double> expected = Metric.Of(MaestroReferenceModel.Evaluate(layer, DataflowTemplates.Get(row.Template).Instantiate(constants, layer), row.Hardware));
            analysed += expected[Metric.RuntimeCycles] > 0 ? 1 : 0;
            foreach (string metric in Metric.All)
            {
                double actual = batched[metric][i].item<double>();
                Assert.True(Math.Abs(actual - expected[metric]) <= 1e-9 * Math.Abs(expected[metric]), $"{metric}: batched {actual}, reference {expected[metric]} on {row}");
            }
        }

        Assert.True(analysed > 300, $"only {analysed} rows analysed");
    }

    [Fact]
    public void Designs_broadcast_against_layers_and_the_dataflow_may_be_a_condition()
    {
        using IDisposable scope = NewDisposeScope();
        var designs = new ValueBatch(new Dictionary<string, Tensor>
        {
            [P.NumPe] = tensor(new double[] { 8, 16, 64 }, ScalarType.Float64).reshape(1, 3),
            [P.KTileSz] = tensor(new double[] { 4, 2, 1 }, ScalarType.Float64).reshape(1, 3),
        });
        var conditions = new ValueBatch(ConvFields.Of(new ConvShape(64, 32, 16, 16, 3, 3)).Select(p => new KeyValuePair<string, Tensor>(p.Key, tensor(new[] { p.Value, p.Value }, ScalarType.Float64).reshape(2, 1))));
        conditions[P.Dataflow] = tensor(new double[] { 0, 1 }, ScalarType.Float64).reshape(2, 1);

        ValueBatch metrics = new MaestroCostModel().Evaluate(designs, conditions);

        Assert.Equal(new long[] { 2, 3 }, metrics[Metric.RuntimeCycles].shape);
        // dla, 8 PEs, KTileSz 4, ClusterSz 8: the figures MAESTRO printed (MaestroReferenceModelTests).
        Assert.Equal(464_129, metrics[Metric.RuntimeCycles][0, 0].item<double>());
        Assert.Equal(1, metrics[Metric.Valid][0, 0].item<double>());
    }

    [Fact]
    public void Clocking_the_rows_changes_no_figure_and_counts_only_when_asked()
    {
        using IDisposable scope = NewDisposeScope();
        var designs = new ValueBatch(new Dictionary<string, Tensor>
        {
            [P.NumPe] = tensor(new double[] { 1, 8, 16, 64, 100 }, ScalarType.Float64),
            [P.KTileSz] = tensor(new double[] { 1, 4, 2, 12, 7 }, ScalarType.Float64),
        });
        var conditions = new ValueBatch(ConvFields.Of(new ConvShape(64, 32, 16, 16, 3, 3)).Select(p => new KeyValuePair<string, Tensor>(p.Key, tensor(p.Value, ScalarType.Float64))));
        conditions[P.Dataflow] = tensor(2.0, ScalarType.Float64);
        var plain = new MaestroCostModel();
        var clocked = new MaestroCostModel { TimeRows = true };

        ValueBatch expected = plain.Evaluate(designs, conditions), actual = clocked.Evaluate(designs, conditions);

        Assert.All(Metric.All, m => Assert.True(expected[m].equal(actual[m]).all().item<bool>(), m));
        Assert.Equal(0, plain.RowSeconds);
        Assert.True(clocked.RowSeconds > 0);
    }
}
