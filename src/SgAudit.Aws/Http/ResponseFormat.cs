namespace SgAudit.Aws.Http;

/// <summary>The body format of a service's answers: EC2 and STS Query answer XML, CloudTrail JSON 1.1.</summary>
internal enum ResponseFormat
{
    Xml,
    Json,
}
