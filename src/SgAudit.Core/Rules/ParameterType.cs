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

    /// <summary>A list of distinct ports 0–65535.</summary>
    PortList,

    /// <summary>A non-empty list of distinct allowed strings.</summary>
    ChoiceList,
}
