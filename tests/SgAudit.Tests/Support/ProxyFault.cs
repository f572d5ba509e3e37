namespace SgAudit.Tests.Support;

/// <summary>The faults <see cref="FaultInjectingProxy"/> injects.</summary>
internal enum ProxyFault
{
    /// <summary>EC2 503 RequestLimitExceeded, or CloudTrail 400 ThrottlingException.</summary>
    Throttle,

    /// <summary>HTTP 500 with an HTML body, as moto answers an unimplemented call.</summary>
    ServerError,

    /// <summary>The answer arrives only after a delay longer than the client's request timeout.</summary>
    Slow,

    /// <summary>Half of the body, then the connection drops.</summary>
    TruncateBody,

    /// <summary>The connection drops before any answer.</summary>
    DropConnection,
}
