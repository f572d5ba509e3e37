using SgAudit.Collectors.CloudTrail;
using SgAudit.Collectors.Emulator;
using SgAudit.Collectors.Models;

namespace SgAudit.Emulator;

/// <summary>One model account as the server answers for it: its EC2 emulation and, if wired, its CloudTrail API.</summary>
internal sealed record EmulatedAccount(ModelAccount Model, EmulatedEc2Api Ec2, ICloudTrailApi? CloudTrail)
{
    public string Id => Model.Id!;
}
