using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace SgAudit.Tests.Aws;

/// <summary>
/// The bottom of a test handler chain: answers each EC2 Action or CloudTrail operation with a canned clean body and
/// records every request it receives (after signing), so tests can see exactly what went over the wire.
/// </summary>
internal sealed class FakeAwsServer : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, Func<string, (HttpStatusCode, string)>> _answers = new(StringComparer.Ordinal);

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Answers <paramref name="operation"/> (an EC2 Action or a CloudTrail operation) with 200 and <paramref name="body"/>.</summary>
    public FakeAwsServer Answer(string operation, string body) => Answer(operation, _ => (HttpStatusCode.OK, body));

    /// <summary>Answers from the request body (e.g. by NextToken).</summary>
    public FakeAwsServer Answer(string operation, Func<string, (HttpStatusCode Status, string Body)> answer)
    {
        _answers[operation] = answer;
        return this;
    }

    /// <summary>Records a request without answering it (for faults that answer themselves).</summary>
    public async Task<RecordedRequest> RecordOnlyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(request.Method, request.RequestUri!, request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase),
            request.Content?.Headers.ContentType?.ToString(), body);
        Requests.Enqueue(recorded);
        return recorded;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var recorded = await RecordOnlyAsync(request, cancellationToken);
        var body = recorded.Body;
        var operation = recorded.Operation;
        if (!_answers.TryGetValue(operation, out var answer))
        {
            return new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent($"<Response><Errors><Error><Code>InvalidAction</Code><Message>{operation} is not canned</Message></Error></Errors></Response>") };
        }

        var (status, text) = answer(body);
        return new HttpResponseMessage(status) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(text)) };
    }
}
