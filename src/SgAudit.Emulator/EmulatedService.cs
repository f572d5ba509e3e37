namespace SgAudit.Emulator;

/// <summary>The AWS services the emulator speaks, each with its own protocol and error format.</summary>
internal enum EmulatedService
{
    Ec2,
    Sts,
    CloudTrail,
}
