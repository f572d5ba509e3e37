namespace SgAudit.Aws;

/// <summary>
/// The scan cannot start: no credentials were found, the named profile does not exist, or the caller's own identity
/// cannot be read. (A role that cannot be assumed is not this: that account is reported not assessed.)
/// </summary>
public sealed class AwsSetupException(string message, Exception? inner = null) : Exception(message, inner);
