using System.Collections.Immutable;
using System.Globalization;
using SgAudit.Collectors;
using SgAudit.Collectors.Ec2;
using SgAudit.Collectors.Ec2.Shapes;

namespace SgAudit.Emulator;

/// <summary>
/// EC2's Query protocol over <see cref="IEc2Api"/>: routes by <c>Action</c>, pages exactly as the in-process
/// emulator does (MaxResults 5–1000, its opaque NextToken), and answers EC2's XML. Without MaxResults every item
/// comes back in one answer, as on AWS. Unknown parameters (Version, DryRun, filters) are ignored.
/// </summary>
internal static class Ec2QueryService
{
    public const string Namespace = "http://ec2.amazonaws.com/doc/2016-11-15/";

    public static readonly ImmutableHashSet<string> Actions =
        ["DescribeRegions", "DescribeVpcs", "DescribeSecurityGroups", "DescribeNetworkInterfaces", "DescribeNetworkAcls"];

    public static async Task<EmulatorResponse> HandleAsync(EmulatorRequest request, IEc2Api api, CancellationToken cancellationToken)
    {
        var action = request.Parameter("Action");
        try
        {
            return action switch
            {
                null or "" => ErrorResponses.Ec2(400, "MissingAction", "The request must contain the parameter Action.", request.RequestId),
                "DescribeRegions" => AnswerRegions(request, await api.DescribeRegionsAsync(cancellationToken).ConfigureAwait(false)),
                "DescribeVpcs" => Answer(request, action, "vpcSet", await AllOrPageAsync(request, page => api.DescribeVpcsAsync(request.Region, page, cancellationToken)).ConfigureAwait(false), Ec2ShapeXml.Vpc),
                "DescribeSecurityGroups" => Answer(request, action, "securityGroupInfo", await AllOrPageAsync(request, page => api.DescribeSecurityGroupsAsync(request.Region, page, cancellationToken)).ConfigureAwait(false), Ec2ShapeXml.SecurityGroup),
                "DescribeNetworkInterfaces" => Answer(request, action, "networkInterfaceSet", await AllOrPageAsync(request, page => api.DescribeNetworkInterfacesAsync(request.Region, page, cancellationToken)).ConfigureAwait(false), Ec2ShapeXml.NetworkInterface),
                "DescribeNetworkAcls" => Answer(request, action, "networkAclSet", await AllOrPageAsync(request, page => api.DescribeNetworkAclsAsync(request.Region, page, cancellationToken)).ConfigureAwait(false), Ec2ShapeXml.NetworkAcl),
                _ => ErrorResponses.Ec2(400, "InvalidAction", $"The action {action} is not valid for this web service.", request.RequestId),
            };
        }
        catch (AwsApiException error)
        {
            // Model errors (the account's or region's `error`, OptInRequired, SgAudit.NotProvided) keep their code and status.
            return ErrorResponses.Ec2(error.HttpStatus ?? 400, error.ErrorCode, error.ErrorMessage, request.RequestId);
        }
    }

    private static EmulatorResponse AnswerRegions(EmulatorRequest request, ImmutableArray<RegionShape> regions)
    {
        using var xml = Start(request, "DescribeRegions");
        xml.List("regionInfo", regions, Ec2ShapeXml.Region);
        return new EmulatorResponse(200, EmulatorResponse.XmlContentType, xml.Finish());
    }

    private static EmulatorResponse Answer<T>(EmulatorRequest request, string action, string listName, Ec2Page<T> page, Action<QueryXmlWriter, T> writeItem)
    {
        using var xml = Start(request, action);
        xml.List(listName, page.Items, writeItem);
        xml.Text("nextToken", page.NextToken);
        return new EmulatorResponse(200, EmulatorResponse.XmlContentType, xml.Finish());
    }

    private static QueryXmlWriter Start(EmulatorRequest request, string action)
    {
        var xml = new QueryXmlWriter();
        xml.StartRoot(action + "Response", Namespace);
        xml.Text("requestId", request.RequestId);
        return xml;
    }

    /// <summary>One page when MaxResults is given; otherwise every item from NextToken (or the start) on.</summary>
    private static async Task<Ec2Page<T>> AllOrPageAsync<T>(EmulatorRequest request, Func<PageRequest, Task<Ec2Page<T>>> describe)
    {
        var nextToken = request.Parameter("NextToken");
        if (request.Parameter("MaxResults") is { } text)
        {
            if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var maxResults))
            {
                throw new AwsApiException("InvalidParameterValue", $"Invalid value '{text}' for MaxResults: it must be an integer.", 400);
            }

            return await describe(new PageRequest(maxResults, string.IsNullOrEmpty(nextToken) ? null : nextToken)).ConfigureAwait(false);
        }

        var items = ImmutableArray.CreateBuilder<T>();
        var token = string.IsNullOrEmpty(nextToken) ? null : nextToken;
        do
        {
            var page = await describe(new PageRequest(PageRequest.Maximum, token)).ConfigureAwait(false);
            items.AddRange(page.Items);
            token = page.NextToken;
        }
        while (token is not null);

        return new Ec2Page<T>(items.ToImmutable(), null);
    }
}
