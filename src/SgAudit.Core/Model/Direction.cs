namespace SgAudit.Core.Model;

/// <summary>Whether a permission or ACL entry applies to inbound or outbound traffic.</summary>
public enum Direction
{
    Ingress,
    Egress,
}
