using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Gandse.Config;

/// <summary>
/// Binds YAML and <c>key.path=value</c> overrides onto settings objects by property name (snake_case in
/// files, PascalCase in C#). Refuses unknown keys and wrongly typed values, naming the key's full path.
/// </summary>
public static class ConfigBinder
{
    /// <summary>Reads an experiment config from <paramref name="path"/>, applies <paramref name="overrides"/> (key=value, dotted paths), migrates old keys and validates; a bad key or value is a <see cref="UsageException"/> naming it.</summary>
    public static ExperimentConfig Load(string path, IEnumerable<string> overrides)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"experiment file '{path}' not found");
        }

        return Parse(File.ReadAllText(path), path, overrides);
    }

    /// <summary>
    /// Settings from YAML text (<paramref name="source"/> names it in errors), then the overrides. With
    /// <paramref name="migrate"/> (configs saved by an earlier Gandse, inside checkpoints) moved keys are read at
    /// their new place (<see cref="ConfigMigrations"/>); without it they are refused with the new key named.
    /// </summary>
    public static ExperimentConfig Parse(string yaml, string source, IEnumerable<string> overrides, bool migrate = false)
    {
        var config = new ExperimentConfig();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException error)
        {
            throw new UsageException($"{source} line {error.Start.Line}: {error.Message}");
        }

        if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is not YamlScalarNode { Value: null or "" })
        {
            Bind(config, config, stream.Documents[0].RootNode, string.Empty, source, migrate);
        }

        foreach (string assignment in overrides)
        {
            Apply(config, assignment);
        }

        return config;
    }

    /// <summary>Applies one <c>key.path=value</c>; the value is read as YAML (so lists are <c>[1, 2]</c>).</summary>
    public static void Apply(object config, string assignment)
    {
        int equals = assignment.IndexOf('=');
        if (equals <= 0)
        {
            throw new UsageException($"--set '{assignment}' is malformed; expected key.path=value, e.g. train.steps=100");
        }

        string path = assignment[..equals].Trim();
        if (ConfigMigrations.Renamed.TryGetValue(path, out string? moved))
        {
            throw new UsageException($"--set '{path}' is now '{moved}'; set that instead");
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(assignment[(equals + 1)..]));
        }
        catch (YamlException error)
        {
            throw new UsageException($"--set '{assignment}': {error.Message}");
        }

        YamlNode value = stream.Documents.Count > 0 ? stream.Documents[0].RootNode : new YamlScalarNode(string.Empty);
        object target = config;
        string[] keys = path.Split('.');
        if (keys.Length >= 2 && MapAt(config, keys[..^1]) is { } map)
        {
            map[keys[^1]] = (List<double>)ListOf(typeof(List<double>), value, path, "--set");
            return;
        }

        for (int i = 0; i < keys.Length - 1; i++)
        {
            PropertyInfo section = Property(target, keys[i], string.Join('.', keys[..i]), "--set");
            if (!IsSection(section.PropertyType))
            {
                throw new UsageException($"--set: '{string.Join('.', keys[..(i + 1)])}' is a value, not a section");
            }

            target = section.GetValue(target)!;
        }

        PropertyInfo property = Property(target, keys[^1], string.Join('.', keys[..^1]), "--set");
        if (IsSection(property.PropertyType))
        {
            string example = ConfigBinder.SnakeCase(property.PropertyType.GetProperties()[0].Name);
            throw new UsageException($"--set: '{path}' is a section, not a value; set one of its keys, e.g. {path}.{example}=…");
        }

        Assign(target, property, value, path, "--set");
    }

    /// <summary>The snake_case config key of a C# property name (BatchSize to batch_size).</summary>
    public static string SnakeCase(string name)
    {
        var builder = new StringBuilder();
        for (int i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }

    /// <summary>Every (key path, value) of a settings object, in declaration order.</summary>
    public static IEnumerable<(string Path, object? Value)> Flatten(object settings, string prefix = "")
    {
        foreach (PropertyInfo property in settings.GetType().GetProperties())
        {
            string path = prefix + SnakeCase(property.Name);
            object? value = property.GetValue(settings);
            if (IsMap(property.PropertyType) && value is Dictionary<string, List<double>> map)
            {
                foreach ((string name, List<double> values) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    yield return ($"{path}.{name}", values);
                }
            }
            else if (IsSection(property.PropertyType) && value is not null)
            {
                foreach ((string Path, object? Value) inner in Flatten(value, path + "."))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return (path, value);
            }
        }
    }

    /// <summary>A config value as YAML spells it (invariant culture, lists in brackets).</summary>
    public static string Format(object? value) => value switch
    {
        null => "null",
        string text => text.Length == 0 ? "\"\"" : text,
        bool flag => flag ? "true" : "false",
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Format)) + "]",
        _ => value.ToString() ?? string.Empty,
    };

    private static void Bind(object root, object target, YamlNode node, string prefix, string source, bool migrate)
    {
        if (node is not YamlMappingNode mapping)
        {
            throw new UsageException($"{source} line {node.Start.Line}: '{Display(prefix)}' must be a mapping of keys to values");
        }

        foreach ((YamlNode keyNode, YamlNode valueNode) in mapping.Children)
        {
            string key = ((YamlScalarNode)keyNode).Value ?? string.Empty;
            string path = prefix.Length == 0 ? key : $"{prefix}.{key}";
            if (ConfigMigrations.Renamed.TryGetValue(path, out string? moved))
            {
                if (!migrate)
                {
                    throw new UsageException($"{source} line {keyNode.Start.Line}: '{path}' is now '{moved}'; rename it in the file");
                }

                string[] movedKeys = moved.Split('.');
                if (MapAt(root, movedKeys[..^1]) is { } movedMap)
                {
                    movedMap[movedKeys[^1]] = (List<double>)ListOf(typeof(List<double>), valueNode, moved, $"{source} line {valueNode.Start.Line}");
                    continue;
                }

                (object owner, PropertyInfo destination) = Resolve(root, moved);
                Assign(owner, destination, valueNode, moved, $"{source} line {valueNode.Start.Line}");
                continue;
            }

            PropertyInfo property = Property(target, key, prefix, $"{source} line {keyNode.Start.Line}");
            if (IsMap(property.PropertyType))
            {
                if (valueNode is not YamlMappingNode entries)
                {
                    throw new UsageException($"{source} line {valueNode.Start.Line}: '{path}' must be a mapping of names to lists, like {{mac_budget: [256, 4096]}}");
                }

                var map = (Dictionary<string, List<double>>)property.GetValue(target)!;
                foreach ((YamlNode entryKey, YamlNode entryValue) in entries.Children)
                {
                    string name = ((YamlScalarNode)entryKey).Value ?? string.Empty;
                    map[name] = (List<double>)ListOf(typeof(List<double>), entryValue, $"{path}.{name}", $"{source} line {entryValue.Start.Line}");
                }
            }
            else if (IsSection(property.PropertyType))
            {
                Bind(root, property.GetValue(target)!, valueNode, path, source, migrate);
            }
            else
            {
                Assign(target, property, valueNode, path, $"{source} line {valueNode.Start.Line}");
            }
        }
    }

    /// <summary>The object holding the value at <paramref name="path"/> and its property (paths come from <see cref="ConfigMigrations"/>, so they exist).</summary>
    private static (object Owner, PropertyInfo Property) Resolve(object root, string path)
    {
        string[] keys = path.Split('.');
        object owner = root;
        for (int i = 0; i < keys.Length - 1; i++)
        {
            owner = Property(owner, keys[i], string.Join('.', keys[..i]), "migration").GetValue(owner)!;
        }

        return (owner, Property(owner, keys[^1], string.Join('.', keys[..^1]), "migration"));
    }

    private static PropertyInfo Property(object target, string key, string prefix, string where)
    {
        PropertyInfo[] properties = target.GetType().GetProperties();
        return properties.FirstOrDefault(p => SnakeCase(p.Name) == key)
            ?? throw new UsageException(
                $"{where}: unknown key '{(prefix.Length == 0 ? key : $"{prefix}.{key}")}'; allowed under '{Display(prefix)}': "
                + string.Join(", ", properties.Select(p => SnakeCase(p.Name))));
    }

    private static void Assign(object target, PropertyInfo property, YamlNode node, string path, string where)
    {
        Type type = property.PropertyType;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            property.SetValue(target, ListOf(type, node, path, where));
            return;
        }

        property.SetValue(target, Scalar(node, type, path, where));
    }

    private static IList ListOf(Type type, YamlNode node, string path, string where)
    {
        Type element = type.GetGenericArguments()[0];
        if (node is not YamlSequenceNode sequence)
        {
            throw new UsageException($"{where}: '{path}' must be a list of {TypeName(element)}, like [1, 2]");
        }

        var list = (IList)Activator.CreateInstance(type)!;
        foreach (YamlNode item in sequence.Children)
        {
            list.Add(Scalar(item, element, path, where));
        }

        return list;
    }

    /// <summary>The named-lists setting at <paramref name="keys"/> (such as data.draw), or null when the path holds none.</summary>
    private static Dictionary<string, List<double>>? MapAt(object root, string[] keys)
    {
        object? target = root;
        for (int i = 0; i < keys.Length; i++)
        {
            PropertyInfo? property = target?.GetType().GetProperties().FirstOrDefault(p => SnakeCase(p.Name) == keys[i]);
            if (property is null)
            {
                return null;
            }

            target = property.GetValue(target);
            if (IsMap(property.PropertyType))
            {
                return i == keys.Length - 1 ? (Dictionary<string, List<double>>?)target : null;
            }
        }

        return null;
    }

    /// <summary>Named lists of numbers (data.draw): the only mapping-valued setting, keyed by names the task declares.</summary>
    public static bool IsMap(Type type) => type == typeof(Dictionary<string, List<double>>);

    private static object Scalar(YamlNode node, Type type, string path, string where)
    {
        string? text = (node as YamlScalarNode)?.Value;
        object? value = text is null ? null : type switch
        {
            _ when type == typeof(string) => text,
            _ when type == typeof(int) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int i) ? i : null,
            _ when type == typeof(long) => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long l) ? l : null,
            _ when type == typeof(double) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d) ? d : null,
            _ when type == typeof(bool) => bool.TryParse(text, out bool b) ? b : null,
            _ => null,
        };
        return value ?? throw new UsageException($"{where}: '{path}' = '{text ?? node.ToString()}' is not {TypeName(type)}");
    }

    private static bool IsSection(Type type) => type.IsClass && type != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(type);

    private static string TypeName(Type type) => type == typeof(int) || type == typeof(long) ? "an integer"
        : type == typeof(double) ? "a number"
        : type == typeof(bool) ? "true or false"
        : "a string";

    private static string Display(string prefix) => prefix.Length == 0 ? "(top level)" : prefix;
}
