using System.Text.RegularExpressions;

namespace Gandse.CostModels.Maestro;

/// <summary>
/// A dataflow written in MAESTRO's directive syntax, with symbolic sizes: a number, a constant (KTileSz, CTileSz,
/// ClusterSz) or Sz(D), the size of layer dimension D. The ConfuciuX templates dla, eye and shi (and dpt for
/// depthwise layers) are built in; a new template is text in the same syntax, not code.
/// </summary>
public sealed partial class DataflowTemplate
{
    private readonly IReadOnlyList<(DirectiveKind Kind, string Size, string Offset, string Variable)> _directives;

    private DataflowTemplate(string name, string text, IReadOnlyList<(DirectiveKind, string, string, string)> directives)
    {
        Name = name;
        Text = text;
        _directives = directives;
    }

    /// <summary>The template's name.</summary>
    public string Name { get; }

    /// <summary>The template as MAESTRO's mapping syntax writes it: the body of a Dataflow { … } block.</summary>
    public string Text { get; }

    /// <summary>The constants the template reads.</summary>
    public IReadOnlyList<string> Constants =>
        _directives.SelectMany(d => new[] { d.Size, d.Offset }).Where(s => s.Length > 0 && char.IsLetter(s[0]) && !s.StartsWith("Sz(", StringComparison.Ordinal)).Distinct().ToList();

    /// <summary>
    /// Parses directives such as <c>SpatialMap(KTileSz,KTileSz) K;</c>, <c>TemporalMap(Sz(R),1) Y;</c> and
    /// <c>Cluster(ClusterSz, P);</c>; anything else is a <see cref="UsageException"/> naming it.
    /// </summary>
    public static DataflowTemplate Parse(string name, string text)
    {
        var directives = new List<(DirectiveKind, string, string, string)>();
        foreach (string raw in text.Split(';'))
        {
            string statement = Regex.Replace(raw, @"//.*", string.Empty).Trim().Trim('{', '}').Trim();
            if (statement.Length == 0 || statement == "Dataflow")
            {
                continue;
            }

            Match map = MapPattern().Match(statement);
            Match cluster = ClusterPattern().Match(statement);
            if (map.Success)
            {
                DirectiveKind kind = map.Groups[1].Value == "SpatialMap" ? DirectiveKind.SpatialMap : DirectiveKind.TemporalMap;
                directives.Add((kind, map.Groups[2].Value.Replace(" ", string.Empty), map.Groups[3].Value.Replace(" ", string.Empty), map.Groups[4].Value));
            }
            else if (cluster.Success)
            {
                directives.Add((DirectiveKind.Cluster, cluster.Groups[1].Value.Replace(" ", string.Empty), "0", string.Empty));
            }
            else
            {
                throw new UsageException($"dataflow {name}: '{statement}' is not a directive; expected TemporalMap(size,offset) DIM;, SpatialMap(size,offset) DIM; or Cluster(size, P);");
            }
        }

        if (directives.Count == 0)
        {
            throw new UsageException($"dataflow {name} has no directives");
        }

        return new DataflowTemplate(name, text.Trim(), directives);
    }

    /// <summary>
    /// The directives with every size resolved: <paramref name="constants"/> by name, Sz(D) from
    /// <paramref name="layer"/>. A size below 1 or an unknown constant is a <see cref="UsageException"/>; MAESTRO's
    /// own rule, that a temporal map over R or S covers the whole filter at once, makes the mapping refused.
    /// </summary>
    public IReadOnlyList<MaestroDirective> Instantiate(IReadOnlyDictionary<string, int> constants, MaestroLayer layer)
    {
        var sizes = layer.Dimensions.ToDictionary(d => d.Name, d => d.Size);
        int Resolve(string expression)
        {
            if (int.TryParse(expression, out int number))
            {
                return number;
            }

            if (expression.StartsWith("Sz(", StringComparison.Ordinal) && expression.EndsWith(')'))
            {
                string dimension = expression[3..^1];
                return sizes.TryGetValue(dimension, out int size) ? size : throw new UsageException($"dataflow {Name}: Sz({dimension}) names no layer dimension; allowed: {string.Join(", ", sizes.Keys)}");
            }

            return constants.TryGetValue(expression, out int value)
                ? value
                : throw new UsageException($"dataflow {Name} needs constant {expression}; given: {(constants.Count == 0 ? "none" : string.Join(", ", constants.Keys))}");
        }

        return _directives.Select(d => new MaestroDirective(d.Kind, Resolve(d.Size), d.Kind == DirectiveKind.Cluster ? 0 : Resolve(d.Offset), d.Variable)).ToList();
    }

    /// <summary>The constants a kernel evaluation may give, in the order <see cref="Resolve"/> reads them.</summary>
    public static readonly IReadOnlyList<string> KernelConstants = new[] { "KTileSz", "CTileSz", "ClusterSz" };

    /// <summary>
    /// The directives resolved into <paramref name="into"/> without allocating (the batched model's path):
    /// <paramref name="constants"/> are KTileSz, CTileSz and ClusterSz; the layer's dimensions are K, C, Y, X, R, S.
    /// Returns how many were written; a template naming another constant is a <see cref="UsageException"/>.
    /// </summary>
    internal int Resolve(ReadOnlySpan<int> constants, ReadOnlySpan<int> dimensions, Span<Kernel.DirectiveSpec> into)
    {
        _compiled ??= _directives.Select(d => (d.Kind, Compile(d.Size), Compile(d.Offset), d.Kind == DirectiveKind.Cluster ? -1 : Kernel.Dim.Of(d.Variable))).ToArray();
        for (int i = 0; i < _compiled.Length; i++)
        {
            (DirectiveKind kind, (int Source, int Value) size, (int Source, int Value) offset, int variable) = _compiled[i];
            into[i] = new Kernel.DirectiveSpec(kind, Value(size, constants, dimensions), kind == DirectiveKind.Cluster ? 0 : Value(offset, constants, dimensions), variable);
        }

        return _compiled.Length;
    }

    private (DirectiveKind, (int, int), (int, int), int)[]? _compiled;

    private static int Value((int Source, int Value) expression, ReadOnlySpan<int> constants, ReadOnlySpan<int> dimensions) => expression.Source switch
    {
        0 => expression.Value,
        1 => constants[expression.Value],
        _ => dimensions[expression.Value],
    };

    // (0, number) | (1, constant index) | (2, dimension index)
    private (int Source, int Value) Compile(string expression)
    {
        if (int.TryParse(expression, out int number))
        {
            return (0, number);
        }

        if (expression.StartsWith("Sz(", StringComparison.Ordinal) && expression.EndsWith(')'))
        {
            int dimension = Array.IndexOf(new[] { "K", "C", "Y", "X", "R", "S" }, expression[3..^1]);
            return dimension >= 0 ? (2, dimension) : throw new UsageException($"dataflow {Name}: {expression} names no layer dimension; allowed: K, C, Y, X, R, S");
        }

        int constant = KernelConstants.ToList().IndexOf(expression);
        return constant >= 0 ? (1, constant) : throw new UsageException($"dataflow {Name} reads constant {expression}; the maestro space gives {string.Join(", ", KernelConstants)}");
    }

    [GeneratedRegex(@"^(TemporalMap|SpatialMap)\s*\(\s*([A-Za-z0-9_]+(?:\s*\(\s*[A-Za-z']+\s*\))?)\s*,\s*([A-Za-z0-9_]+(?:\s*\(\s*[A-Za-z']+\s*\))?)\s*\)\s*([A-Za-z]'?)$")]
    private static partial Regex MapPattern();

    [GeneratedRegex(@"^Cluster\s*\(\s*([A-Za-z0-9_]+)\s*,\s*[PL]\s*\)$")]
    private static partial Regex ClusterPattern();
}
