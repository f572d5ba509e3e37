using SgAudit.Collectors.CloudTrail;
using SgAudit.Collectors.Models;

namespace SgAudit.Emulator;

/// <summary>What <see cref="EmulatorServer"/> serves and how.</summary>
public sealed class EmulatorServerOptions
{
    /// <summary>The accounts and regions to serve (the same model `sgaudit scan --model` reads).</summary>
    public required ModelDocument Model { get; init; }

    /// <summary>The loopback port to listen on; 0 picks a free one (read it back from <see cref="EmulatorServer.Endpoint"/>).</summary>
    public int Port { get; init; }

    public FaultInjection Faults { get; init; } = FaultInjection.None;

    /// <summary>
    /// The CloudTrail API of an account, asked once per account at start. Null (or a null answer) makes CloudTrail
    /// calls for that account answer UnsupportedOperationException.
    /// </summary>
    public Func<ModelAccount, ICloudTrailApi?>? CloudTrailApiFactory { get; init; }

    /// <summary>The clock for STS expirations and the default LookupEvents window.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
