using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Internal;
using Grpc.Net.Client.Internal;
using Grpc.Net.Compression;

namespace Grpc.Net.Client;

/// <summary>A channel to one gRPC server address over HTTP/2, sharing its connections among all calls.</summary>
public sealed class GrpcChannel : ChannelBase, IDisposable
{
    private readonly ConcurrentDictionary<IMethod, Uri> _methodUris = new();
    private readonly HttpMessageInvoker _invoker;
    private readonly HttpClient? _httpClient;
    private readonly bool _disposeInvoker;

    private GrpcChannel(Uri address, GrpcChannelOptions options)
        : base(address.Authority)
    {
        if (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException($"Address '{address}' must use http or https.", nameof(address));
        }

        Address = address;
        var secureAddress = address.Scheme == Uri.UriSchemeHttps;
        if (options.Credentials is { } credentials)
        {
            if (credentials.IsSecure != secureAddress)
            {
                throw new InvalidOperationException(
                    $"Channel credentials are {(credentials.IsSecure ? "secure" : "insecure")} but the address '{address}' is {(secureAddress ? "https" : "http")}.");
            }

            CallCredentials = credentials.CallCredentials;
        }

        IsSecure = secureAddress;
        AllowInsecureCallCredentials = options.UnsafeUseInsecureChannelCallCredentials;
        if (CallCredentials is not null && !IsSecure && !AllowInsecureCallCredentials)
        {
            throw new InvalidOperationException(
                "Call credentials on an insecure channel need GrpcChannelOptions.UnsafeUseInsecureChannelCallCredentials = true.");
        }

        MaxSendMessageSize = options.MaxSendMessageSize;
        MaxReceiveMessageSize = options.MaxReceiveMessageSize;
        CompressionProviders = options.CompressionProviders?.ToArray() ?? MessageCompression.DefaultProviders;
        AcceptEncoding = MessageCompression.AcceptEncodingValue(CompressionProviders);
        ThrowOperationCanceledOnCancellation = options.ThrowOperationCanceledOnCancellation;

        if (options.HttpClient is { } client)
        {
            _httpClient = client;
            _invoker = client;
            _disposeInvoker = options.DisposeHttpClient;
        }
        else if (options.HttpHandler is { } handler)
        {
            _invoker = new HttpMessageInvoker(handler, disposeHandler: options.DisposeHttpClient);
            _disposeInvoker = true;
        }
        else
        {
            _invoker = new HttpMessageInvoker(CreateDefaultHandler(), disposeHandler: true);
            _disposeInvoker = true;
        }
    }

    public static GrpcChannel ForAddress(string address) => ForAddress(address, new GrpcChannelOptions());

    public static GrpcChannel ForAddress(string address, GrpcChannelOptions channelOptions) =>
        ForAddress(new Uri(address ?? throw new ArgumentNullException(nameof(address))), channelOptions);

    public static GrpcChannel ForAddress(Uri address) => ForAddress(address, new GrpcChannelOptions());

    public static GrpcChannel ForAddress(Uri address, GrpcChannelOptions channelOptions)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(channelOptions);
        return new GrpcChannel(address, channelOptions);
    }

    internal Uri Address { get; }

    internal bool IsSecure { get; }

    internal bool AllowInsecureCallCredentials { get; }

    internal CallCredentials? CallCredentials { get; }

    internal int? MaxSendMessageSize { get; }

    internal int? MaxReceiveMessageSize { get; }

    internal IReadOnlyList<ICompressionProvider> CompressionProviders { get; }

    internal string AcceptEncoding { get; }

    internal bool ThrowOperationCanceledOnCancellation { get; }

    internal bool Disposed { get; private set; }

    public override CallInvoker CreateCallInvoker()
    {
        ObjectDisposedException.ThrowIf(Disposed, this);
        return new HttpClientCallInvoker(this);
    }

    public void Dispose()
    {
        if (Disposed)
        {
            return;
        }

        Disposed = true;
        if (_disposeInvoker)
        {
            _invoker.Dispose();
        }
    }

    protected override Task ShutdownAsyncCore()
    {
        Dispose();
        return Task.CompletedTask;
    }

    internal Uri GetMethodUri(IMethod method) =>
        _methodUris.GetOrAdd(method, static (m, address) => new Uri(address, m.FullName), Address);

    /// <summary>Sends a request, returning once the response headers have arrived.</summary>
    internal Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _httpClient is not null
            ? _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
            : _invoker.SendAsync(request, cancellationToken);

    private static SocketsHttpHandler CreateDefaultHandler() => new()
    {
        // Past 100 concurrent streams a second connection opens instead of queueing calls.
        EnableMultipleHttp2Connections = true,
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = System.Net.DecompressionMethods.None,
        PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
        KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
    };
}
