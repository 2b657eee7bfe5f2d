using Grpc.Core;
using Grpc.Net.Compression;

namespace Grpc.Net.Client;

public sealed class GrpcChannelOptions
{
    /// <summary>Transport and call credentials. Default: insecure for http://, TLS for https://.</summary>
    public ChannelCredentials? Credentials { get; set; }

    /// <summary>Largest message the client sends; null means no limit.</summary>
    public int? MaxSendMessageSize { get; set; }

    /// <summary>Largest message the client accepts (default 4 MB); null means no limit.</summary>
    public int? MaxReceiveMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>The handler that sends requests. Default: a SocketsHttpHandler with multiple HTTP/2 connections.</summary>
    public HttpMessageHandler? HttpHandler { get; set; }

    /// <summary>An HttpClient to send requests with, instead of <see cref="HttpHandler"/>.</summary>
    public HttpClient? HttpClient { get; set; }

    /// <summary>Whether disposing the channel disposes <see cref="HttpClient"/> or <see cref="HttpHandler"/>.</summary>
    public bool DisposeHttpClient { get; set; }

    public IList<ICompressionProvider>? CompressionProviders { get; set; }

    /// <summary>Allows call credentials (e.g. bearer tokens) on a plain-text channel, e.g. over loopback.</summary>
    public bool UnsafeUseInsecureChannelCallCredentials { get; set; }

    /// <summary>Throw OperationCanceledException instead of RpcException(Cancelled) when a call is cancelled.</summary>
    public bool ThrowOperationCanceledOnCancellation { get; set; }
}
