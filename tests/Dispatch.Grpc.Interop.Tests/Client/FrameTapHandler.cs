using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Dispatch.Grpc.Interop.Tests.Wire;

namespace Dispatch.Grpc.Interop.Tests.Client;

/// <summary>
/// An HTTP handler for a <c>GrpcChannel</c> that records the encoding headers of each call and
/// the message prefixes of each response body, so that a test can check what the client sent
/// and the compressed flag of each message it received.
/// </summary>
internal sealed class FrameTapHandler() : DelegatingHandler(new SocketsHttpHandler { UseProxy = false })
{
    private const string EncodingHeader = "grpc-encoding";

    private readonly ConcurrentQueue<TappedExchange> _exchanges = new();

    /// <summary>One entry per call, in the order the responses arrived.</summary>
    public IReadOnlyList<TappedExchange> Exchanges => [.. _exchanges];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var requestEncoding = SingleValue(request.Headers);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var tap = new GrpcFrameTap();
        _exchanges.Enqueue(new TappedExchange(requestEncoding, SingleValue(response.Headers), tap));
        response.Content = new FrameTapContent(response.Content, tap);
        return response;
    }

    private static string? SingleValue(HttpHeaders headers) =>
        headers.TryGetValues(EncodingHeader, out var values) ? string.Join(",", values) : null;
}
