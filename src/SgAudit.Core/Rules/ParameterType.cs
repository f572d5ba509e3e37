namespace SgAudit.Core.Rules;

/// <summary>The value types a rule parameter can take.</summary>
public enum ParameterType
{
    /// <summary>A whole number within the definition's minimum and maximum.</summary>
    Integer,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>One of the definition's allowed strings.</summary>
    Choice,

    /// <summary>A list of ports 0–65535 and "from-to" ranges, no two sharing a port (a <see cref="Model.PortSet"/>).</summary>
    PortList,

    /// <summary>A non-empty list of distinct allowed strings.</summary>
    ChoiceList,

    /// <summary>A list, possibly empty, of distinct non-empty strings (e.g. name patterns).</summary>
    StringList,

    /// <summary>A list, possibly empty, of distinct tag selectors: "key" (the tag is present) or "key=value".</summary>
    TagSelectorList,
}
