using System.Globalization;
using System.Text.Json.Nodes;
using Gandse.CostModels.Systolic;
using Spectre.Console;
using Metric = Gandse.CostModels.Systolic.SystolicMetricNames;

namespace Gandse.Cli.Commands;

/// <summary>A network evaluation as a per-layer table or JSON: each layer's shape, dataflow, cycles, stalls and share of the total.</summary>
public static class NetworkReport
{
    public static JsonArray LayersJson(NetworkEvaluation evaluation)
    {
        double total = evaluation.Totals[Metric.TotalCycles];
        return new JsonArray(evaluation.Layers.Select(l => (JsonNode)new JsonObject
        {
            ["name"] = l.Layer.Name,
            ["M"] = l.Layer.Gemm.M,
            ["N"] = l.Layer.Gemm.N,
            ["K"] = l.Layer.Gemm.K,
            ["repeats"] = l.Layer.Repeats,
            ["dataflow"] = DataflowNames.Name(l.Dataflow),
            ["total_cycles"] = CliIo.JsonNumber(l.TotalCycles),
            ["stall_cycles"] = CliIo.JsonNumber(l.StallCycles),
            ["share"] = CliIo.JsonNumber(l.TotalCycles / total),
        }).ToArray());
    }

    public static Table LayersTable(NetworkEvaluation evaluation)
    {
        var invariant = CultureInfo.InvariantCulture;
        double total = evaluation.Totals[Metric.TotalCycles];
        var table = new Table().Title($"{evaluation.Network.Name}: {evaluation.Layers.Count} layers")
            .AddColumns("layer", "M x N x K", "repeats", "dataflow", "total cycles", "stall cycles", "share");
        foreach (LayerEvaluation layer in evaluation.Layers)
        {
            table.AddRow(
                Markup.Escape(layer.Layer.Name),
                $"{layer.Layer.Gemm.M} x {layer.Layer.Gemm.N} x {layer.Layer.Gemm.K}",
                layer.Layer.Repeats.ToString(invariant),
                DataflowNames.Name(layer.Dataflow),
                layer.TotalCycles.ToString("N0", invariant),
                layer.StallCycles.ToString("N0", invariant),
                (layer.TotalCycles / total).ToString("P1", invariant));
        }

        return table;
    }
}
