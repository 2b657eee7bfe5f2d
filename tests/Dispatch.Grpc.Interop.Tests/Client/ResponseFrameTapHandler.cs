using System.Collections.Concurrent;
using Dispatch.Grpc.Interop.Tests.Wire;

namespace Dispatch.Grpc.Interop.Tests.Client;

/// <summary>
/// An HTTP handler for a <c>GrpcChannel</c> that records the message prefixes of every response
/// body, so that a test can check the compressed flag of each message the client received.
/// </summary>
internal sealed class ResponseFrameTapHandler() : DelegatingHandler(new SocketsHttpHandler { UseProxy = false })
{
    private readonly ConcurrentQueue<GrpcFrameTap> _responses = new();

    /// <summary>One tap per response, in the order the responses arrived.</summary>
    public IReadOnlyList<GrpcFrameTap> Responses => [.. _responses];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var tap = new GrpcFrameTap();
        response.Content = new FrameTapContent(response.Content, tap);
        _responses.Enqueue(tap);
        return response;
    }
}
