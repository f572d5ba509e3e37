namespace SgAudit.Core.Model;

/// <summary>The kinds of resource a region inventory holds; a rule needs some of them to reach a verdict.</summary>
public enum InventoryPart
{
    Vpcs,
    SecurityGroups,
    NetworkInterfaces,
    NetworkAcls,
}
