using Gandse.Conditions;
using Gandse.CostModels.Systolic;
using Gandse.Tensors;
using Gandse.Workloads;
using TorchSharp;
using static TorchSharp.torch;

namespace Gandse.Tasks.Systolic;

/// <summary>Per-layer condition values of the network task: [Q, max_layers] tensors; padding slots repeat 0 times.</summary>
public static class NetworkConditionFields
{
    /// <summary>The per-layer M of a network condition (layer_M_0, layer_M_1, ...).</summary>
    public const string LayerM = "layer_M";
    /// <summary>The per-layer N.</summary>
    public const string LayerN = "layer_N";
    /// <summary>The per-layer K.</summary>
    public const string LayerK = "layer_K";
    /// <summary>How many times each layer repeats.</summary>
    public const string LayerRepeats = "layer_repeats";

    /// <summary>Each query's fields as [Q] and its layers (as the slots hold them) as [Q, max_layers] tensors.</summary>
    public static ValueBatch Batch(IReadOnlyList<(Condition Condition, Network Network)> conditions, int maxLayers)
    {
        var dims = new double[4][];
        for (int f = 0; f < 4; f++)
        {
            dims[f] = new double[conditions.Count * maxLayers];
        }

        for (int q = 0; q < conditions.Count; q++)
        {
            Network network = conditions[q].Network;
            for (int l = 0; l < maxLayers; l++)
            {
                NetworkLayer? layer = l < network.Layers.Count ? network.Layers[l] : null;
                int at = (q * maxLayers) + l;
                dims[0][at] = layer?.Gemm.M ?? 1;
                dims[1][at] = layer?.Gemm.N ?? 1;
                dims[2][at] = layer?.Gemm.K ?? 1;
                dims[3][at] = layer?.Repeats ?? 0;
            }
        }

        ValueBatch values = ScalarValues(conditions.Select(c => c.Condition).ToList());
        string[] names = { NetworkConditionFields.LayerM, NetworkConditionFields.LayerN, NetworkConditionFields.LayerK, NetworkConditionFields.LayerRepeats };
        for (int f = 0; f < 4; f++)
        {
            values[names[f]] = tensor(dims[f], new long[] { conditions.Count, maxLayers }, ScalarType.Float64);
        }

        return values;
    }

    /// <summary>Per-layer GEMM dims [Q, 1, L] and bandwidth [Q, 1, 1], broadcasting against candidates [Q, N, …].</summary>
    public static ValueBatch LayerConditions(ValueBatch conditionValues) => new()
    {
        [GemmFields.M] = conditionValues[NetworkConditionFields.LayerM].unsqueeze(1),
        [GemmFields.N] = conditionValues[NetworkConditionFields.LayerN].unsqueeze(1),
        [GemmFields.K] = conditionValues[NetworkConditionFields.LayerK].unsqueeze(1),
        [SystolicConditions.DramBandwidth] = conditionValues[SystolicConditions.DramBandwidth].view(-1, 1, 1),
    };

    private static ValueBatch ScalarValues(IReadOnlyList<Condition> conditions)
    {
        var rows = conditions.Select(c => c.Fields).ToList();
        return ValueBatch.FromRows(rows, rows.SelectMany(r => r.Keys).Distinct());
    }
}
