namespace SgAudit.Collectors.Ec2.Shapes;

/// <summary>EC2 Tag: {Key, Value}.</summary>
public sealed class TagShape
{
    public string? Key { get; set; }
    public string? Value { get; set; }
}
