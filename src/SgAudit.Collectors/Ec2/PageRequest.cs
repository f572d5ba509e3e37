namespace SgAudit.Collectors.Ec2;

/// <summary>MaxResults and NextToken of a Describe* call. EC2 accepts MaxResults 5–1000 for the calls SgAudit makes.</summary>
public sealed record PageRequest(int MaxResults, string? NextToken = null)
{
    public const int Minimum = 5;
    public const int Maximum = 1000;
}
