using YamlDotNet.RepresentationModel;

namespace SgAudit.Tests.GitHub;

/// <summary>Small lookups on YamlDotNet's representation model, for the workflow tests.</summary>
internal static class YamlNodeExtensions
{
    public static YamlNode? Get(this YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static YamlMappingNode Mapping(this YamlMappingNode node, string key) =>
        node.Get(key) as YamlMappingNode ?? throw new InvalidOperationException($"'{key}' is not a mapping at line {node.Start.Line}");

    public static string? Scalar(this YamlMappingNode node, string key) => (node.Get(key) as YamlScalarNode)?.Value;

    /// <summary>A mapping of scalars (with:, env:, permissions:) as a dictionary; empty when absent.</summary>
    public static IReadOnlyDictionary<string, string> ScalarMap(this YamlMappingNode node, string key) =>
        node.Get(key) is YamlMappingNode map
            ? map.Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => (c.Value as YamlScalarNode)?.Value ?? "", StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Every scalar below a node, for checks that apply to any value (expressions, references).</summary>
    public static IEnumerable<YamlScalarNode> AllScalars(this YamlNode node) => node switch
    {
        YamlScalarNode scalar => [scalar],
        YamlMappingNode map => map.Children.SelectMany(c => c.Key.AllScalars().Concat(c.Value.AllScalars())),
        YamlSequenceNode sequence => sequence.Children.SelectMany(AllScalars),
        _ => [],
    };
}
