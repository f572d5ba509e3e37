using System.Collections.Immutable;
using SgAudit.Core.Model;

namespace SgAudit.Core.Rules;

/// <summary>A rule's verdict on one resource it applies to: it passes when <see cref="Violations"/> is empty. A struct: a scan makes one per resource and rule.</summary>
public readonly record struct ResourceVerdict(ResourceKind Kind, string ResourceId, string ResourceName, string? VpcId, string? Arn, ImmutableArray<Evidence> Violations)
{
    public bool Passed => Violations.IsEmpty;

    public static ResourceVerdict For(SecurityGroup group, ImmutableArray<Evidence> violations) =>
        new(ResourceKind.SecurityGroup, group.Id, group.Name, group.VpcId, group.Arn, violations);

    public static ResourceVerdict For(NetworkAcl acl, ImmutableArray<Evidence> violations) =>
        new(ResourceKind.NetworkAcl, acl.Id, NameTag(acl.Tags) ?? acl.Id, acl.VpcId, null, violations);

    private static string? NameTag(ImmutableArray<ResourceTag> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "Name")
            {
                return tag.Value;
            }
        }

        return null;
    }
}
