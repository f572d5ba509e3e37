using System.Collections.Immutable;

namespace SgAudit.Emulator;

/// <summary>A request as the protocol handlers see it: Query parameters (query string and form body), the JSON target and body, and the credential scope.</summary>
internal sealed record EmulatorRequest(
    ImmutableDictionary<string, string> Parameters,
    string? Target,
    ReadOnlyMemory<byte> Body,
    CredentialScope? Scope,
    string RequestId)
{
    /// <summary>The region when the request carries no credential scope (the AWS CLI's and moto's default).</summary>
    public const string DefaultRegion = "us-east-1";

    public string Region => Scope?.Region ?? DefaultRegion;

    public string? Parameter(string name) => Parameters.GetValueOrDefault(name);
}
