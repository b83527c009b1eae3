using System.Globalization;
using Gandse.CostModels.Maestro;

namespace Gandse.Simulators.Maestro;

/// <summary>
/// A case as MAESTRO reads it, and its CSV as Gandse reads it back. The mapping file holds one CONV (or DSCONV)
/// layer with its dimensions and the dataflow's directives, sizes resolved; the flags are those of the ConfuciuX
/// and AIrchitect-v2 setting (third_party/README.md), with the case's hardware values.
/// </summary>
public static class MaestroFiles
{
    /// <summary>The mapping file's name; MAESTRO writes its CSV beside it, named after it.</summary>
    public const string MappingFile = "layer.m";

    /// <summary>The CSV MAESTRO writes for <see cref="MappingFile"/>.</summary>
    public const string ResultFile = "layer.csv";

    /// <summary>The mapping file of <paramref name="c"/>.</summary>
    public static string Mapping(MaestroCase c)
    {
        string type = c.Layer.Type == MaestroLayerType.DepthwiseConv ? "DSCONV" : "CONV";
        string directives = string.Join("\n", c.Dataflow.Select(d => "      " + d));
        return $"Network gandse {{\n  Layer L0 {{\n    Type: {type}\n    {c.Layer.ToMapping().Replace("\n", "\n    ")}\n    Dataflow {{\n{directives}\n    }}\n  }}\n}}\n";
    }

    /// <summary>MAESTRO's command-line flags for <paramref name="h"/>.</summary>
    public static IReadOnlyList<string> Flags(MaestroHardware h)
    {
        string I(long value) => value.ToString(CultureInfo.InvariantCulture);
        return new[]
        {
            $"--Mapping_file={MappingFile}", $"--num_pes={I(h.NumPes)}", "--full_buffer=false", $"--noc_bw_cstr={I(h.NocBandwidth)}",
            $"--noc_hops={I(h.NocHops)}", $"--noc_hop_latency={I(h.NocHopLatency)}", "--noc_mc_support=true", $"--num_simd_lanes={I(h.SimdLanes)}",
            $"--l1_size_cstr={I(h.L1SizeLimit)}", $"--l2_size_cstr={I(h.L2SizeLimit)}", $"--offchip_bw_cstr={I(h.OffchipBandwidth)}",
            "--print_res=false", "--print_res_csv_file=true", "--print_log_file=false", "--print_design_space=false", "--msg_print_lv=0",
        };
    }

    /// <summary>
    /// The figures of MAESTRO's CSV (header and one row): runtime, energy, area, power, L1 and L2 bytes, MACs. Its
    /// doubles are printed with six significant digits.
    /// </summary>
    public static MaestroMetrics Read(string csv, MaestroHardware hardware)
    {
        string[] lines = csv.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
        if (lines.Length < 2)
        {
            throw new InvalidDataException("the CSV has no data row");
        }

        string[] header = lines[0].Split(',').Select(h => h.Trim()).ToArray();
        string[] row = lines[1].Split(',').Select(h => h.Trim()).ToArray();
        double Column(string name)
        {
            int index = Array.IndexOf(header, name);
            if (index < 0 || index >= row.Length)
            {
                throw new InvalidDataException($"the CSV has no column '{name}'");
            }

            return double.Parse(row[index], NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        long l1 = (long)Column("L1 SRAM Size Req (Bytes)"), l2 = (long)Column("L2 SRAM Size Req (Bytes)"), runtime = (long)Column("Runtime (Cycles)");
        string? problem = CostModels.Maestro.MaestroValidity.Problem(runtime, l1, l2, hardware);
        return new MaestroMetrics(
            runtime, Column("Activity count-based Energy (nJ)"), Column("Area"), Column("Power"),
            l1, l2, (long)Column("Num MACs"), problem);
    }
}
