namespace SgAudit.Aws.Http;

/// <summary>
/// A request captured once (method, address, headers, options, body bytes) so that each retry sends a fresh,
/// unsigned copy: an HttpRequestMessage can be sent only once, and its content stream only read once.
/// </summary>
internal sealed class RequestTemplate
{
    private readonly HttpMethod _method;
    private readonly Uri? _uri;
    private readonly Version _version;
    private readonly KeyValuePair<string, IEnumerable<string>>[] _headers;
    private readonly KeyValuePair<string, IEnumerable<string>>[] _contentHeaders;
    private readonly KeyValuePair<string, object?>[] _options;
    private readonly byte[]? _body;

    private RequestTemplate(HttpRequestMessage request, byte[]? body)
    {
        _method = request.Method;
        _uri = request.RequestUri;
        _version = request.Version;
        _headers = [.. request.Headers];
        _contentHeaders = request.Content is null ? [] : [.. request.Content.Headers];
        _options = [.. request.Options];
        _body = body;
        RateLimitKey = request.Options.TryGetValue(AwsRequestOptions.RateLimitKey, out var key) ? key : null;
        Format = request.Options.TryGetValue(AwsRequestOptions.Format, out var format) ? format : ResponseFormat.Xml;
    }

    public string? RateLimitKey { get; }

    public ResponseFormat Format { get; }

    public static async Task<RequestTemplate> CaptureAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        return new RequestTemplate(request, body);
    }

    public HttpRequestMessage Create()
    {
        var copy = new HttpRequestMessage(_method, _uri) { Version = _version };
        foreach (var (name, values) in _headers)
        {
            copy.Headers.TryAddWithoutValidation(name, values);
        }

        if (_body is not null)
        {
            copy.Content = new ByteArrayContent(_body);
            foreach (var (name, values) in _contentHeaders)
            {
                copy.Content.Headers.TryAddWithoutValidation(name, values);
            }
        }

        var options = (IDictionary<string, object?>)copy.Options;
        foreach (var (name, value) in _options)
        {
            options[name] = value;
        }

        return copy;
    }
}
