namespace SgAudit.Core.Rules;

/// <summary>CloudFormation/Config type names for <see cref="ResourceKind"/>, as rule.json and reports spell them.</summary>
public static class ResourceKindText
{
    public const string SecurityGroupType = "AWS::EC2::SecurityGroup";
    public const string NetworkAclType = "AWS::EC2::NetworkAcl";

    public static string ToTypeName(this ResourceKind kind) => kind switch
    {
        ResourceKind.SecurityGroup => SecurityGroupType,
        ResourceKind.NetworkAcl => NetworkAclType,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static bool TryParse(string? text, out ResourceKind kind)
    {
        switch (text)
        {
            case SecurityGroupType:
                kind = ResourceKind.SecurityGroup;
                return true;
            case NetworkAclType:
                kind = ResourceKind.NetworkAcl;
                return true;
            default:
                kind = default;
                return false;
        }
    }
}
