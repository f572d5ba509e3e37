namespace SgAudit.Core.Rules;

/// <summary>The kind of resource a rule reports on.</summary>
public enum ResourceKind
{
    SecurityGroup,
    NetworkAcl,
}
