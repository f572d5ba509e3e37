using System.Globalization;
using Polly.Timeout;
using SgAudit.Collectors;

namespace SgAudit.Aws.Http;

/// <summary>
/// Sends one AWS call through the handler chain and turns every way it can fail into <see cref="AwsApiException"/>
/// (the collector reports those as "not assessed"): the service's error, a timeout or a dropped connection after the
/// retries ran out. Cancellation by the caller stays an <see cref="OperationCanceledException"/>.
/// </summary>
internal sealed class AwsServiceCaller(HttpClient http, AwsTransportSettings settings)
{
    /// <summary>The body of a successful answer.</summary>
    public async Task<byte[]> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = AwsRequestOptions.Describe(request);
        var region = request.Options.TryGetValue(AwsRequestOptions.Region, out var r) ? r : "?";
        var format = request.Options.TryGetValue(AwsRequestOptions.Format, out var f) ? f : ResponseFormat.Xml;
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (TimeoutRejectedException)
        {
            throw new AwsApiException("RequestTimeout", string.Create(CultureInfo.InvariantCulture, $"{operation} in {region} did not answer within {settings.RequestTimeout.TotalSeconds:0.#} s ({Attempts} attempts)."));
        }
        catch (HttpRequestException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AwsApiException("ConnectionFailed", $"{operation} in {region} could not be sent ({Attempts} attempts): {ex.Message}");
        }
        catch (IOException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AwsApiException("ConnectionFailed", $"{operation} in {region}: the connection broke ({Attempts} attempts): {ex.Message}");
        }

        using (response)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw AwsErrorParser.ToException(response.StatusCode, response.Headers, body, format, operation, region);
            }

            if (!ResponseBodyCheck.IsComplete(body, format))
            {
                throw new AwsApiException("IncompleteResponse", $"{operation} in {region} kept answering with a cut-off document ({Attempts} attempts).", (int)response.StatusCode);
            }

            return body;
        }
    }

    /// <summary>Wraps a parser failure on a complete document (an unexpected element, a number that is not one).</summary>
    public static AwsApiException Unreadable(string operation, string region, Exception inner) =>
        new("InvalidResponse", $"{operation} in {region} answered a document SgAudit cannot read: {inner.Message}");

    private string Attempts => (settings.MaxRetries + 1).ToString(CultureInfo.InvariantCulture);
}
