namespace SgAudit.Core.Suppressions;

/// <summary>Where a suppression was declared.</summary>
public enum SuppressionSourceKind
{
    /// <summary>The <c>suppressions:</c> list of the --config file.</summary>
    Config,

    /// <summary>An <c>sgaudit:suppress</c> tag on the resource itself.</summary>
    Tag,
}
