using System.Collections.Immutable;
using System.Globalization;
using System.Xml;
using SgAudit.Aws.Http;
using SgAudit.Collectors.Ec2;
using SgAudit.Collectors.Ec2.Shapes;

namespace SgAudit.Aws.Ec2;

/// <summary>
/// The live EC2 client: form-encoded Query POSTs (<c>Action=…&amp;Version=2016-11-15&amp;MaxResults=…[&amp;NextToken=…]</c>)
/// to <c>https://ec2.&lt;region&gt;.amazonaws.com/</c> or the endpoint override, answers read by
/// <see cref="Ec2ResponseParser"/>. MaxResults is always sent: unfiltered, unpaginated Describe calls draw on a
/// smaller throttling bucket. Signing, retries and counting happen in the handler chain of <paramref name="http"/>.
/// </summary>
internal sealed class Ec2QueryClient(HttpClient http, AwsTransportSettings settings, Uri? endpointOverride, string defaultRegion) : IEc2Api
{
    public const string ApiVersion = "2016-11-15";

    private readonly AwsServiceCaller _caller = new(http, settings);

    public Task<ImmutableArray<RegionShape>> DescribeRegionsAsync(CancellationToken cancellationToken) =>
        CallAsync("DescribeRegions", defaultRegion, page: null, Ec2ResponseParser.ParseRegions, cancellationToken);

    public Task<Ec2Page<VpcShape>> DescribeVpcsAsync(string region, PageRequest page, CancellationToken cancellationToken) =>
        CallAsync("DescribeVpcs", region, page, Ec2ResponseParser.ParseVpcs, cancellationToken);

    public Task<Ec2Page<SecurityGroupShape>> DescribeSecurityGroupsAsync(string region, PageRequest page, CancellationToken cancellationToken) =>
        CallAsync("DescribeSecurityGroups", region, page, Ec2ResponseParser.ParseSecurityGroups, cancellationToken);

    public Task<Ec2Page<NetworkInterfaceShape>> DescribeNetworkInterfacesAsync(string region, PageRequest page, CancellationToken cancellationToken) =>
        CallAsync("DescribeNetworkInterfaces", region, page, Ec2ResponseParser.ParseNetworkInterfaces, cancellationToken);

    public Task<Ec2Page<NetworkAclShape>> DescribeNetworkAclsAsync(string region, PageRequest page, CancellationToken cancellationToken) =>
        CallAsync("DescribeNetworkAcls", region, page, Ec2ResponseParser.ParseNetworkAcls, cancellationToken);

    /// <summary>The form body of a call: Action, Version and, for paged calls, MaxResults and NextToken.</summary>
    internal static List<KeyValuePair<string, string>> FormFields(string action, PageRequest? page)
    {
        var fields = new List<KeyValuePair<string, string>> { new("Action", action), new("Version", ApiVersion) };
        if (page is not null)
        {
            fields.Add(new("MaxResults", page.MaxResults.ToString(CultureInfo.InvariantCulture)));
            if (page.NextToken is not null)
            {
                fields.Add(new("NextToken", page.NextToken));
            }
        }

        return fields;
    }

    private async Task<T> CallAsync<T>(string action, string region, PageRequest? page, Func<Stream, T> parse, CancellationToken cancellationToken)
    {
        var operation = "ec2:" + action;
        using var request = new HttpRequestMessage(HttpMethod.Post, AwsEndpoints.For("ec2", region, endpointOverride))
        {
            Content = new FormUrlEncodedContent(FormFields(action, page)),
        };
        request.Options.Set(AwsRequestOptions.Operation, operation);
        request.Options.Set(AwsRequestOptions.Region, region);
        request.Options.Set(AwsRequestOptions.Service, "ec2");
        request.Options.Set(AwsRequestOptions.Format, ResponseFormat.Xml);

        var body = await _caller.SendAsync(request, cancellationToken);
        try
        {
            return parse(new MemoryStream(body, writable: false));
        }
        catch (XmlException ex)
        {
            throw AwsServiceCaller.Unreadable(operation, region, ex);
        }
    }
}
