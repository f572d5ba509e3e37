using System.Collections.Immutable;
using SgAudit.Core.Model;

namespace SgAudit.Core.Rules;

/// <summary>A rule's effective parameter values, already validated against its definitions.</summary>
public sealed class RuleParameters
{
    private readonly ImmutableDictionary<string, object> _values;

    public RuleParameters(ImmutableDictionary<string, object> values) => _values = values;

    public static RuleParameters None { get; } = new(ImmutableDictionary<string, object>.Empty);

    public IReadOnlyDictionary<string, object> Values => _values;

    public int GetInteger(string name) => (int)Get(name);

    public bool GetBoolean(string name) => (bool)Get(name);

    public string GetChoice(string name) => (string)Get(name);

    public PortSet GetPorts(string name) => (PortSet)Get(name);

    public ImmutableArray<string> GetChoices(string name) => (ImmutableArray<string>)Get(name);

    /// <summary>A string-list or tag-selector-list parameter.</summary>
    public ImmutableArray<string> GetStrings(string name) => (ImmutableArray<string>)Get(name);

    /// <summary>A choice-list parameter of "tcp"/"udp" as a <see cref="ProtocolSet"/>.</summary>
    public ProtocolSet GetProtocols(string name)
    {
        var choices = GetChoices(name);
        return new ProtocolSet(choices.Contains("tcp"), choices.Contains("udp"));
    }

    private object Get(string name) => _values.TryGetValue(name, out var value)
        ? value
        : throw new KeyNotFoundException($"The rule declares no parameter '{name}'.");
}
