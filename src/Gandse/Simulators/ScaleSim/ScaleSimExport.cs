using System.Globalization;
using System.Text;
using Gandse.CostModels.Systolic;
using Gandse.Io;
using Gandse.Spaces;
using Gandse.Workloads;

namespace Gandse.Simulators.ScaleSim;

/// <summary>
/// Writes a systolic design as SCALE-Sim v2 input files that run as they are: one config and one topology per
/// dataflow the design uses (SCALE-Sim has one dataflow per run; a network design picks one per layer), and
/// <c>run.sh</c>, which runs them all with SCALE-Sim's own <c>scale.py</c>. One layer keeps its form (GEMM or
/// conv); a network's layers are written in GEMM form as Gandse lowers them, a repeated layer once per repeat,
/// so SCALE-Sim's totals over the rows are the network's.
/// </summary>
public static class ScaleSimExport
{
    /// <summary>The files written, by name, for <paramref name="design"/> of <paramref name="space"/> on <paramref name="workload"/>.</summary>
    public static IReadOnlyList<string> Write(string folder, DesignSpace space, Design design, Workload workload, long bandwidth)
    {
        var groups = new SortedDictionary<string, (SystolicHardware Hardware, List<(string Name, Workload Layer, long Repeats)> Layers)>(StringComparer.Ordinal);
        foreach ((string name, Workload layer, long repeats, SystolicHardware hardware) in ScaleSimVerification.Layers(space.ValuesOf(design), workload))
        {
            string dataflow = DataflowNames.Name(hardware.Dataflow);
            if (!groups.TryGetValue(dataflow, out var group))
            {
                group = (hardware, new List<(string, Workload, long)>());
                groups[dataflow] = group;
            }

            group.Layers.Add((name, layer, repeats));
        }

        Directory.CreateDirectory(folder);
        var written = new List<string>();
        var script = new StringBuilder("#!/bin/sh\n# Runs this design in SCALE-Sim v2: sh run.sh PATH/TO/scale-sim-v2 [python]\n# Reports land in out/<run name>/ (COMPUTE_REPORT.csv, DETAILED_ACCESS_REPORT.csv, …).\nset -e\n");
        script.Append("scalesim=\"${1:?give the scale-sim-v2 folder}\"\npython=\"${2:-python3}\"\ncd \"$(dirname \"$0\")\"\n");
        foreach ((string dataflow, (SystolicHardware hardware, var members)) in groups)
        {
            string name = groups.Count == 1 && workload is not Network ? ScaleSimFiles.RunName : $"{ScaleSimFiles.RunName}-{dataflow}";
            bool gemm = workload is Network || ScaleSimFiles.IsGemm(workload);
            string topology = workload is Network ? GemmTopology(members) : ScaleSimFiles.Topology(workload);
            Save(folder, $"{name}.cfg", ScaleSimFiles.Config(hardware, bandwidth, name), written);
            Save(folder, $"{name}.csv", topology, written);
            script.Append(CultureInfo.InvariantCulture, $"PYTHONPATH=\"$scalesim\" \"$python\" -m scalesim.scale -c {name}.cfg -t {name}.csv -p out{(gemm ? " -i gemm" : string.Empty)}\n");
        }

        Save(folder, "run.sh", script.ToString(), written);
        return written;
    }

    private static string GemmTopology(IEnumerable<(string Name, Workload Layer, long Repeats)> layers)
    {
        var text = new StringBuilder("Layer, M, N, K,\n");
        foreach ((string name, Workload layer, long repeats) in layers)
        {
            Gemm g = layer.Gemms[0];
            for (long r = 0; r < repeats; r++)
            {
                string row = repeats == 1 ? Sanitise(name) : string.Create(CultureInfo.InvariantCulture, $"{Sanitise(name)}_{r + 1}");
                text.Append(CultureInfo.InvariantCulture, $"{row}, {g.M}, {g.N}, {g.K},\n");
            }
        }

        return text.ToString();
    }

    /// <summary>A layer name as one topology cell: SCALE-Sim splits rows on commas.</summary>
    private static string Sanitise(string name) => name.Replace(',', ';').Replace('\n', ' ');

    private static void Save(string folder, string file, string text, List<string> written)
    {
        AtomicFile.Write(Path.Combine(folder, file), writer => writer.Write(text));
        written.Add(file);
    }
}
