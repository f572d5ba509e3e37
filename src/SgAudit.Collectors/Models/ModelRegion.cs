using System.Text.Json.Serialization;
using SgAudit.Collectors.CloudTrail.Shapes;
using SgAudit.Collectors.Ec2.Shapes;

namespace SgAudit.Collectors.Models;

/// <summary>
/// One region: resource lists exactly as the AWS CLI prints them. A list that is absent was not provided (rules
/// needing it are not assessed); an empty list means there are none.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class ModelRegion
{
    public string? Name { get; set; }

    /// <summary>Makes every call in this region fail with this error (to rehearse a region SgAudit cannot read).</summary>
    public ModelError? Error { get; set; }

    public List<VpcShape>? Vpcs { get; set; }
    public List<SecurityGroupShape>? SecurityGroups { get; set; }
    public List<NetworkInterfaceShape>? NetworkInterfaces { get; set; }
    public List<NetworkAclShape>? NetworkAcls { get; set; }

    /// <summary>The trails whose home region this is (`aws cloudtrail describe-trails`); absent means CloudTrail was not provided.</summary>
    public List<ModelTrail>? Trails { get; set; }

    /// <summary>Management events as `aws cloudtrail lookup-events` prints them (.Events); absent means not provided.</summary>
    public List<CloudTrailEventShape>? CloudTrailEvents { get; set; }

    /// <summary>
    /// The resources whose events <see cref="CloudTrailEvents"/> holds completely (a snapshot lists what it looked up);
    /// a lookup of any other resource is then not provided, never "no change". Absent: the events are complete for all.
    /// </summary>
    public List<string>? CloudTrailLookups { get; set; }
}
