namespace Grpc.Core;

/// <summary>What a handler knows about its call, and how it shapes the reply (headers, trailers, status).</summary>
public abstract class ServerCallContext
{
    private Dictionary<object, object>? _userState;

    public string Method => MethodCore;

    public string Host => HostCore;

    public string Peer => PeerCore;

    /// <summary>The call's deadline in UTC; <see cref="DateTime.MaxValue"/> when the client set none.</summary>
    public DateTime Deadline => DeadlineCore;

    public Metadata RequestHeaders => RequestHeadersCore;

    /// <summary>Cancelled when the client cancels, the connection drops or the deadline passes.</summary>
    public CancellationToken CancellationToken => CancellationTokenCore;

    public Metadata ResponseTrailers => ResponseTrailersCore;

    public Status Status
    {
        get => StatusCore;
        set => StatusCore = value;
    }

    public WriteOptions? WriteOptions
    {
        get => WriteOptionsCore;
        set => WriteOptionsCore = value;
    }

    /// <summary>State shared by interceptors and the handler for the length of the call.</summary>
    public IDictionary<object, object> UserState => UserStateCore;

    public Task WriteResponseHeadersAsync(Metadata responseHeaders) => WriteResponseHeadersAsyncCore(responseHeaders);

    protected abstract string MethodCore { get; }

    protected abstract string HostCore { get; }

    protected abstract string PeerCore { get; }

    protected abstract DateTime DeadlineCore { get; }

    protected abstract Metadata RequestHeadersCore { get; }

    protected abstract CancellationToken CancellationTokenCore { get; }

    protected abstract Metadata ResponseTrailersCore { get; }

    protected abstract Status StatusCore { get; set; }

    protected abstract WriteOptions? WriteOptionsCore { get; set; }

    protected virtual IDictionary<object, object> UserStateCore => _userState ??= [];

    protected abstract Task WriteResponseHeadersAsyncCore(Metadata responseHeaders);
}
