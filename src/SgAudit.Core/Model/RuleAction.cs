namespace SgAudit.Core.Model;

/// <summary>What a network ACL entry does with matching traffic.</summary>
public enum RuleAction
{
    Allow,
    Deny,
}
