using System.Net;
using System.Text;
using SgAudit.Aws.Http;

namespace SgAudit.Tests.Aws;

public sealed class AwsErrorParserTests
{
    [Theory]
    [InlineData(AwsSamples.Ec2ThrottledBody, "RequestLimitExceeded", "Request limit exceeded.")]
    [InlineData(AwsSamples.Ec2UnauthorizedBody, "UnauthorizedOperation", "You are not authorized to perform this operation.")]
    [InlineData("""<?xml version="1.0"?><Response xmlns="http://ec2.amazonaws.com/doc/2016-11-15"><Errors><Error><Code>InvalidGroup.NotFound</Code><Message>The security group 'sg-nope' does not exist</Message></Error></Errors><RequestID>request-id</RequestID></Response>""", "InvalidGroup.NotFound", "The security group 'sg-nope' does not exist")]
    [InlineData("""<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>not authorized to perform: sts:AssumeRole</Message></Error><RequestId>x</RequestId></ErrorResponse>""", "AccessDenied", "not authorized to perform: sts:AssumeRole")]
    [InlineData("""<ErrorResponse><Errors><Error><Code>AuthFailure</Code><Message>AWS was not able to validate the provided access credentials</Message><Type>Sender</Type></Error></Errors></ErrorResponse>""", "AuthFailure", "AWS was not able to validate the provided access credentials")]
    public void Should_ReadCodeAndMessage_When_TheBodyIsAnXmlError(string body, string code, string message)
    {
        var error = AwsErrorParser.Parse(HttpStatusCode.BadRequest, Headers(), Encoding.UTF8.GetBytes(body), ResponseFormat.Xml);

        Assert.Equal(new AwsError(code, message), error);
    }

    [Theory]
    [InlineData("""{"__type":"ThrottlingException","message":"Rate exceeded"}""", "ThrottlingException", "Rate exceeded")]
    [InlineData("""{"__type":"com.amazonaws.cloudtrail.v20131101#TrailNotFoundException:http://internal.amazon.com/coral/","Message":"Unknown trail"}""", "TrailNotFoundException", "Unknown trail")]
    [InlineData("""{"__type":"com.amazon.coral.service#AccessDeniedException","Message":"User is not authorized"}""", "AccessDeniedException", "User is not authorized")]
    public void Should_ReadCodeAndMessage_When_TheBodyIsAJsonError(string body, string code, string message)
    {
        var error = AwsErrorParser.Parse(HttpStatusCode.BadRequest, Headers(), Encoding.UTF8.GetBytes(body), ResponseFormat.Json);

        Assert.Equal(new AwsError(code, message), error);
    }

    [Fact]
    public void Should_TakeTheHeader_When_TheJsonBodyHasNoType()
    {
        var error = AwsErrorParser.Parse(HttpStatusCode.BadRequest, Headers(("x-amzn-ErrorType", "ThrottlingException:http://internal.amazon.com/coral/com.amazon.coral.availability/")), [], ResponseFormat.Json);

        Assert.Equal(new AwsError("ThrottlingException", ""), error);
    }

    [Theory]
    [InlineData(500, "InternalError")]
    [InlineData(503, "ServiceUnavailable")]
    [InlineData(502, "BadGateway")]
    [InlineData(418, "Http418")]
    public void Should_NameTheStatusAndNeverQuoteTheBody_When_TheBodyIsNotAnAwsError(int status, string code)
    {
        // Given moto's HTML error page
        var exception = AwsErrorParser.ToException((HttpStatusCode)status, Headers(), Encoding.UTF8.GetBytes(AwsSamples.MotoHtml500), ResponseFormat.Xml, "ec2:DescribeSecurityGroups", "us-east-1");

        Assert.Equal(code, exception.ErrorCode);
        Assert.Equal(status, exception.HttpStatus);
        Assert.Equal($"ec2:DescribeSecurityGroups in us-east-1 answered HTTP {status} without an AWS error message.", exception.ErrorMessage);
        Assert.DoesNotContain("html", exception.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Should_FallBackToTheStatus_When_TheErrorBodyIsCutOff()
    {
        var cut = Encoding.UTF8.GetBytes(AwsSamples.Ec2ThrottledBody)[..40];

        Assert.Equal("ServiceUnavailable", AwsErrorParser.Parse(HttpStatusCode.ServiceUnavailable, Headers(), cut, ResponseFormat.Xml).Code);
    }

    private static System.Net.Http.Headers.HttpResponseHeaders Headers(params (string Name, string Value)[] headers)
    {
        using var response = new HttpResponseMessage();
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response.Headers;
    }
}
