namespace SgAudit.Emulator;

/// <summary>
/// The access key and SigV4 credential scope a request was signed with
/// (<c>Credential=AKID/20250101/eu-west-1/ec2/aws4_request</c>). The signature itself is not verified: the
/// emulator only needs to know which account, region and service the caller means, as moto does.
/// </summary>
internal sealed record CredentialScope(string AccessKeyId, string Region, string Service)
{
    private const string CredentialField = "Credential=";

    /// <summary>Reads the scope from an <c>Authorization: AWS4-HMAC-SHA256 Credential=…</c> header.</summary>
    public static CredentialScope? FromAuthorizationHeader(string? header)
    {
        if (string.IsNullOrEmpty(header))
        {
            return null;
        }

        var start = header.IndexOf(CredentialField, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += CredentialField.Length;
        var end = header.IndexOfAny([',', ' '], start);
        return FromCredential(end < 0 ? header[start..] : header[start..end]);
    }

    /// <summary>Reads a credential as it appears in the header or in a presigned URL's X-Amz-Credential.</summary>
    public static CredentialScope? FromCredential(string? credential)
    {
        var parts = credential?.Split('/');
        return parts is [var key, _, var region, var service, "aws4_request"] && key.Length > 0 && region.Length > 0 && service.Length > 0
            ? new CredentialScope(key, region, service)
            : null;
    }
}
