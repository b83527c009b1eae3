using System.Globalization;
using Gandse.Io;

namespace Gandse.Workloads;

/// <summary>Reads workload specs: <c>gemm:M=…,N=…,K=…</c>, <c>conv:H=…,W=…,C=…,R=…,S=…,filters=…[,stride=1][,padding=0]</c>, <c>network:…</c> and <c>topology:FILE.csv</c> (<c>network:FILE.csv</c> is read the same way).</summary>
public static class WorkloadParser
{
    /// <summary>The workload forms, for error messages and help.</summary>
    public const string Allowed = "gemm:M=…,N=…,K=…, conv:H=…,W=…,C=…,R=…,S=…,filters=…[,stride=…][,padding=…], conv:K=…,C=…,Y=…,X=…,R=…,S=…[,stride=…] (MAESTRO's names), dwconv:C=…,Y=…,X=…,R=…,S=…[,stride=…] (depthwise) or network:NAME (a built-in network: gandse networks lists them), network:NAME:MxNxK;MxNxK*R;… (layers spelled out, *R repeats one) or topology:FILE.csv (a SCALE-Sim topology file, conv or GEMM form)";

    private static readonly string[] GemmKeys = { "M", "N", "K" };
    private static readonly string[] ConvKeys = { "H", "W", "C", "R", "S", "filters", "stride", "padding" };
    private static readonly string[] MaestroKeys = { "K", "C", "Y", "X", "R", "S", "stride" };
    private static readonly string[] DepthwiseKeys = { "C", "Y", "X", "R", "S", "stride" };

    /// <summary>Parses a workload spec (<see cref="Allowed"/>); a bad spec is a <see cref="UsageException"/> naming the bad token.</summary>
    public static Workload Parse(string spec)
    {
        int colon = spec.IndexOf(':');
        string kind = colon > 0 ? spec[..colon].Trim().ToLowerInvariant() : spec.Trim();
        if (kind == "topology")
        {
            return colon > 0 && spec[(colon + 1)..].Trim().Length > 0
                ? TopologyFile.Read(spec[(colon + 1)..].Trim())
                : throw new UsageException($"'{spec}' names no file; write topology:PATH.csv (a SCALE-Sim topology file)");
        }

        if (kind == "network")
        {
            string rest = spec[(colon + 1)..].Trim();
            int layers = rest.IndexOf(':');
            if (rest.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            {
                return TopologyFile.Read(rest);
            }

            return layers < 0 ? BuiltInNetworks.Get(rest) : Network.ParseLayers(rest[..layers], rest[(layers + 1)..]);
        }

        if (colon <= 0 || (kind != "gemm" && kind != "conv" && kind != "dwconv"))
        {
            throw new UsageException($"unknown workload '{spec}'; allowed: {Allowed}");
        }

        IReadOnlyList<KeyValuePair<string, string>> pairs = KeyValueList.Parse(spec[(colon + 1)..], "workload", spec);
        // A conv spec in MAESTRO's names (Y, X, K) rather than SCALE-Sim's (H, W, filters).
        bool maestroNames = kind == "conv" && pairs.Any(p => p.Key.Trim() is "Y" or "X" or "K" or "y" or "x" or "k");
        Workload layer = kind switch
        {
            "gemm" => ParseGemm(Fields(pairs, GemmKeys, kind)),
            "dwconv" => ParseDataflowLayer(Fields(pairs, DepthwiseKeys, kind), depthwise: true),
            _ when maestroNames => ParseDataflowLayer(Fields(pairs, MaestroKeys, kind), depthwise: false),
            _ => ParseConv(Fields(pairs, ConvKeys, kind)),
        };
        ConvShape shape = layer.Conv!;
        double macs = layer.Gemms.Count == 1
            ? (double)layer.Gemms[0].M * layer.Gemms[0].N * layer.Gemms[0].K
            : (double)shape.K * shape.C * shape.Y * shape.X * shape.R * shape.S;
        if (macs > MaxMacs)
        {
            throw new UsageException(
                $"'{spec}' is {macs:G3} MACs, beyond 2^53 ({MaxMacs:N0}), where float64 counts of cycles and accesses stop being exact; split the layer");
        }

        return layer;
    }

    /// <summary>The largest dim accepted: far above any real layer, and low enough that cycle and access counts stay exact.</summary>
    public const long MaxDimension = 1L << 26;

    /// <summary>The most MACs a layer may have: float64 counts integers exactly up to 2^53.</summary>
    public const long MaxMacs = 1L << 53;

    private static Gemm ParseGemm(IReadOnlyDictionary<string, string> fields)
    {
        return new Gemm(Dimension(fields, "M"), Dimension(fields, "N"), Dimension(fields, "K"));
    }

    private static ConvLayer ParseConv(IReadOnlyDictionary<string, string> fields)
    {
        long h = Dimension(fields, "H");
        long w = Dimension(fields, "W");
        long r = Dimension(fields, "R");
        long s = Dimension(fields, "S");
        long padding = fields.ContainsKey("padding") ? Dimension(fields, "padding", allowZero: true) : 0;
        if (h + (2 * padding) < r || w + (2 * padding) < s)
        {
            throw new UsageException($"filter R={r},S={s} is larger than the padded input {h + (2 * padding)}x{w + (2 * padding)}; use a smaller filter or more padding");
        }

        return new ConvLayer(
            h, w, Dimension(fields, "C"), r, s, Dimension(fields, "filters"),
            fields.ContainsKey("stride") ? Dimension(fields, "stride") : 1,
            padding);
    }

    private static DataflowLayer ParseDataflowLayer(IReadOnlyDictionary<string, string> fields, bool depthwise) => new(new ConvShape(
        depthwise ? 1 : Dimension(fields, "K"), Dimension(fields, "C"), Dimension(fields, "Y"), Dimension(fields, "X"), Dimension(fields, "R"), Dimension(fields, "S"),
        fields.ContainsKey("stride") ? Dimension(fields, "stride") : 1, depthwise));

    private static Dictionary<string, string> Fields(IEnumerable<KeyValuePair<string, string>> pairs, string[] keys, string kind)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach ((string key, string value) in pairs)
        {
            string? canonical = keys.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
            fields[canonical ?? throw new UsageException($"unknown {kind} field '{key}'; allowed: {string.Join(", ", keys)}")] = value;
        }

        return fields;
    }

    private static long Dimension(IReadOnlyDictionary<string, string> fields, string key, bool allowZero = false)
    {
        if (!fields.TryGetValue(key, out string? token))
        {
            throw new UsageException($"missing workload field '{key}'; a workload is {Allowed}");
        }

        return ParsePositiveInteger(token, key, allowZero);
    }

    /// <summary>A whole number from <paramref name="token"/> for key <paramref name="key"/>, at least 1 (or 0 with <paramref name="allowZero"/>) and at most the largest dimension.</summary>
    public static long ParsePositiveInteger(string token, string key, bool allowZero = false)
    {
        bool parsed = long.TryParse(token.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long value);
        if (!parsed || value < 0 || (value == 0 && !allowZero))
        {
            string allowed = allowZero ? "a non-negative integer" : "a positive integer";
            throw new UsageException($"{key}='{token}' is not {allowed}");
        }

        if (value > MaxDimension)
        {
            throw new UsageException($"{key}='{token}' is too large; at most {MaxDimension:N0} (2^26), where cycle and access counts stay exact");
        }

        return value;
    }
}
