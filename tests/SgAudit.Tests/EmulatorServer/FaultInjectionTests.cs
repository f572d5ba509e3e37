using System.Collections.Immutable;
using System.Diagnostics;
using System.Net;
using SgAudit.Collectors.Models;
using SgAudit.Emulator;

namespace SgAudit.Tests.EmulatorServer;

public sealed class FaultInjectionTests
{
    [Fact]
    public async Task Should_ThrottleExactlyTheRequestsTheSeedPicks_When_AThrottleRateIsSet()
    {
        // Given a 30% throttle rate with seed 7
        var faults = new FaultInjection { ThrottleRate = 0.3, Seed = 7 };
        await using var server = await ServedEmulator.StartDemoAsync(faults);

        // When 40 EC2 requests are made one after another
        var throttled = new List<int>();
        for (var i = 0; i < 40; i++)
        {
            var answer = await EmulatorHttp.Ec2Async(server.Endpoint, "us-east-1", "DescribeVpcs", parameters: ("MaxResults", "5"));
            if (answer.Status != HttpStatusCode.OK)
            {
                // Then each throttled one is EC2's 503 RequestLimitExceeded
                Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.Status);
                Ec2QueryTests.AssertEc2Error(answer, "RequestLimitExceeded", "Request limit exceeded.");
                throttled.Add(i);
            }
        }

        // And they are the ones whose draw of Random(7) is below the rate
        var random = new Random(7);
        var expected = Enumerable.Range(0, 40).Where(_ => random.NextDouble() < 0.3).ToList();
        Assert.Equal(expected, throttled);
        Assert.InRange(throttled.Count, 6, 18);
        Assert.Equal(throttled.Count, server.ThrottledCounts["DescribeVpcs"]);
        Assert.Equal(40, server.RequestCounts["DescribeVpcs"]);
    }

    [Fact]
    public async Task Should_AnswerCloudTrailsThrottlingJson_And_NeverThrottleSts_When_EveryCallIsThrottled()
    {
        var model = ModelSource.LoadDemo().Document;
        await using var server = await ServedEmulator.StartAsync(model, new FaultInjection { ThrottleRate = 1 }, a => new FakeCloudTrailApi(a.Id!));

        var (status, body) = await EmulatorHttp.CloudTrailAsync(server.Endpoint, "us-east-1", "DescribeTrails", "{}");
        var sts = await EmulatorHttp.QueryAsync(server.Endpoint, "sts", "us-east-1", [new("Action", "GetCallerIdentity"), new("Version", "2011-06-15")]);
        var ec2 = await EmulatorHttp.Ec2Async(server.Endpoint, "us-east-1", "DescribeRegions");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("""{"__type":"ThrottlingException","message":"Rate exceeded"}""", body);
        Assert.Equal(HttpStatusCode.OK, sts.Status);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ec2.Status);
        Assert.Equal(ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [new KeyValuePair<string, long>("DescribeRegions", 1), new("DescribeTrails", 1)]), server.ThrottledCounts);
    }

    [Fact]
    public async Task Should_FailEveryCallInARegion_When_TheRegionIsGivenAnError()
    {
        var faults = new FaultInjection { RegionErrors = ImmutableDictionary<string, string>.Empty.Add("eu-west-1", "UnauthorizedOperation") };
        await using var server = await ServedEmulator.StartAsync(ModelSource.LoadDemo().Document, faults, a => new FakeCloudTrailApi(a.Id!));

        var failing = await EmulatorHttp.Ec2Async(server.Endpoint, "eu-west-1", "DescribeSecurityGroups");
        var other = await EmulatorHttp.Ec2Async(server.Endpoint, "us-east-1", "DescribeSecurityGroups");
        var (trailStatus, trailBody) = await EmulatorHttp.CloudTrailAsync(server.Endpoint, "eu-west-1", "DescribeTrails", "{}");

        Assert.Equal(HttpStatusCode.Forbidden, failing.Status);
        Ec2QueryTests.AssertEc2Error(failing, "UnauthorizedOperation");
        Assert.Equal(HttpStatusCode.OK, other.Status);
        Assert.Equal(HttpStatusCode.BadRequest, trailStatus);
        Assert.StartsWith("""{"__type":"UnauthorizedOperation",""", trailBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_DelayEveryAnswer_When_LatencyIsSet()
    {
        await using var server = await ServedEmulator.StartDemoAsync(new FaultInjection { Latency = TimeSpan.FromMilliseconds(300) });

        var watch = Stopwatch.StartNew();
        var answer = await EmulatorHttp.Ec2Async(server.Endpoint, "us-east-1", "DescribeRegions");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(300), $"answered after {watch.Elapsed}");
    }

    [Fact]
    public void Should_ReadRegionErrors_When_GivenAsRegionEqualsCode()
    {
        var errors = FaultInjection.ParseRegionErrors(["eu-west-1=UnauthorizedOperation", " us-east-2 = OptInRequired "]);

        Assert.Equal(["eu-west-1", "us-east-2"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("UnauthorizedOperation", errors["eu-west-1"]);
        Assert.Equal("OptInRequired", errors["us-east-2"]);
    }

    [Theory]
    [InlineData("eu-west-1")]
    [InlineData("=UnauthorizedOperation")]
    [InlineData("eu-west-1=")]
    public void Should_RefuseARegionError_When_ItIsNotRegionEqualsCode(string value)
    {
        Assert.Throws<FormatException>(() => FaultInjection.ParseRegionErrors([value]));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public async Task Should_RefuseToStart_When_TheThrottleRateIsNotAShare(double rate)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ServedEmulator.StartDemoAsync(new FaultInjection { ThrottleRate = rate }));
    }
}
