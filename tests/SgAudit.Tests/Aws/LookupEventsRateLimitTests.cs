using Microsoft.Extensions.Time.Testing;
using SgAudit.Aws.Http;
using SgAudit.Collectors.CloudTrail;

namespace SgAudit.Tests.Aws;

public sealed class LookupEventsRateLimitTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    [Fact]
    public async Task Should_SpaceLookupEventsHalfASecondApart_When_OneAccountAndRegionAsksAtOnce()
    {
        // Given a fake clock and CloudTrail's 2 requests/s
        var clock = new FakeTimeProvider(Start);
        var server = new FakeAwsServer().Answer("LookupEvents", AwsSamples.CloudTrailLookupEvents).Answer("DescribeTrails", AwsSamples.CloudTrailTrails);
        using var clients = new AwsTestClients(server, AwsTestClients.FastSettings with { LookupEventsPerSecond = 2, TimeProvider = clock, RequestTimeout = TimeSpan.FromHours(1) });

        // When three lookups for one account and region start together
        var calls = Enumerable.Range(0, 3).Select(i => clients.CloudTrail.LookupEventsAsync("us-east-1", Request($"sg-{i}"), CancellationToken.None)).ToArray();

        // Then one goes at once and the others wait for their slot on the clock
        await WaitForAsync(() => server.Requests.Count == 1);
        await Task.Delay(100);
        Assert.Single(server.Requests);

        // And other operations and other regions are not held back
        await clients.CloudTrail.DescribeTrailsAsync("us-east-1", CancellationToken.None);
        await WaitForAsync(() => server.Requests.Count == 2);
        var otherRegion = clients.CloudTrail.LookupEventsAsync("eu-west-1", Request("sg-x"), CancellationToken.None);
        await otherRegion;
        Assert.Equal(3, server.Requests.Count);

        clock.Advance(TimeSpan.FromMilliseconds(499));
        await Task.Delay(100);
        Assert.Equal(3, server.Requests.Count);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await WaitForAsync(() => server.Requests.Count == 4);
        clock.Advance(TimeSpan.FromMilliseconds(500));
        await WaitForAsync(() => server.Requests.Count == 5);

        await Task.WhenAll(calls);
        Assert.Equal(3, server.Requests.Count(r => r.Operation == "LookupEvents" && r.Authorization.Contains("/us-east-1/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Should_GiveEachKeyItsOwnSchedule_When_SpacingRequests()
    {
        var clock = new FakeTimeProvider(Start);
        var spacer = new RequestSpacer(2, clock);

        await spacer.WaitAsync("111111111111/us-east-1", CancellationToken.None);
        await spacer.WaitAsync("222222222222/us-east-1", CancellationToken.None);
        var second = spacer.WaitAsync("111111111111/us-east-1", CancellationToken.None).AsTask();

        Assert.False(second.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(500));
        await second.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Should_StopWaiting_When_TheCallerCancels()
    {
        var clock = new FakeTimeProvider(Start);
        var spacer = new RequestSpacer(2, clock);
        await spacer.WaitAsync("k", CancellationToken.None);
        using var cancellation = new CancellationTokenSource();

        var waiting = spacer.WaitAsync("k", cancellation.Token).AsTask();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    private static LookupEventsRequest Request(string group) => new(group, Start.AddDays(-90), Start);

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), "the condition did not come true within 10 s");
    }
}
