namespace SgAudit.Collectors.Ec2.Shapes;

/// <summary>EC2 PrefixListId: {PrefixListId, Description}.</summary>
public sealed class PrefixListIdShape
{
    public string? PrefixListId { get; set; }
    public string? Description { get; set; }
}
