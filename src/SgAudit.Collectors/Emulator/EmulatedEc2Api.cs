using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using SgAudit.Collectors.Ec2;
using SgAudit.Collectors.Ec2.Shapes;
using SgAudit.Collectors.Models;

namespace SgAudit.Collectors.Emulator;

/// <summary>
/// One account of the embedded emulator: answers the EC2 Describe* calls from the model with EC2's paging rules
/// (MaxResults 5–1000, opaque NextToken) and errors (a region or account the model marks unreadable).
/// </summary>
public sealed class EmulatedEc2Api(ModelAccount account) : IEc2Api
{
    /// <summary>The code the emulator answers when the model leaves a resource list out; the collector treats it as "not provided".</summary>
    public const string NotProvidedCode = "SgAudit.NotProvided";

    public string AccountId => account.Id!;

    public Task<ImmutableArray<RegionShape>> DescribeRegionsAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfError(account.Error);
        return Task.FromResult(account.Regions
            .Select(r => new RegionShape { RegionName = r.Name, Endpoint = $"ec2.{r.Name}.amazonaws.com", OptInStatus = "opt-in-not-required" })
            .ToImmutableArray());
    }

    public Task<Ec2Page<VpcShape>> DescribeVpcsAsync(string region, PageRequest page, CancellationToken cancellationToken) =>
        Page(region, page, "vpcs", r => r.Vpcs, cancellationToken);

    public Task<Ec2Page<SecurityGroupShape>> DescribeSecurityGroupsAsync(string region, PageRequest page, CancellationToken cancellationToken) =>
        Page(region, page, "security-groups", r => r.SecurityGroups, cancellationToken);

    public Task<Ec2Page<NetworkInterfaceShape>> DescribeNetworkInterfacesAsync(string region, PageRequest page, CancellationToken cancellationToken) =>
        Page(region, page, "network-interfaces", r => r.NetworkInterfaces, cancellationToken);

    public Task<Ec2Page<NetworkAclShape>> DescribeNetworkAclsAsync(string region, PageRequest page, CancellationToken cancellationToken) =>
        Page(region, page, "network-acls", r => r.NetworkAcls, cancellationToken);

    private Task<Ec2Page<T>> Page<T>(string regionName, PageRequest page, string kind, Func<ModelRegion, List<T>?> select, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfError(account.Error);
        var region = account.Regions.FirstOrDefault(r => r.Name == regionName)
            ?? throw new AwsApiException("OptInRequired", $"You are not subscribed to region {regionName}.", 401);
        ThrowIfError(region.Error);
        if (page.MaxResults is < PageRequest.Minimum or > PageRequest.Maximum)
        {
            throw new AwsApiException("InvalidParameterValue", string.Create(CultureInfo.InvariantCulture, $"Value ( {page.MaxResults} ) for parameter maxResults is invalid. Expecting a value between 5 and 1000."), 400);
        }

        var items = select(region) ?? throw new AwsApiException(NotProvidedCode, $"The model does not provide {kind} for {regionName}.", 400);
        var offset = page.NextToken is null ? 0 : DecodeToken(page.NextToken, kind);
        if (offset > items.Count)
        {
            throw new AwsApiException("InvalidNextToken", "The token is not valid.", 400);
        }

        var count = Math.Min(page.MaxResults, items.Count - offset);
        var slice = ImmutableArray.Create(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(items).Slice(offset, count)); // one copy, not two
        var next = offset + count < items.Count ? EncodeToken(kind, offset + count) : null;
        return Task.FromResult(new Ec2Page<T>(slice, next));
    }

    private static void ThrowIfError(ModelError? error)
    {
        if (error is not null)
        {
            throw new AwsApiException(error.Code!, error.Message ?? "The model marks this scope as unreadable.", HttpStatusFor(error.Code!));
        }
    }

    /// <summary>The HTTP status EC2 answers with this code, so a served model error is retried (or not) as the real one would be.</summary>
    public static int HttpStatusFor(string code) => code switch
    {
        "RequestLimitExceeded" or "EC2ThrottledException" or "ServiceUnavailable" or "Unavailable" => 503,
        "InternalError" or "InternalFailure" => 500,
        "AuthFailure" or "OptInRequired" => 401,
        "UnauthorizedOperation" or "AccessDenied" or "Blocked" => 403,
        _ => 400,
    };

    private static string EncodeToken(string kind, int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"sgaudit-emulator:{kind}:{offset}")));

    private static int DecodeToken(string token, string kind)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split(':');
            if (parts.Length == 3 && parts[0] == "sgaudit-emulator" && parts[1] == kind && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
            // Falls through to the EC2 error below.
        }

        throw new AwsApiException("InvalidNextToken", "The token is not valid.", 400);
    }
}
