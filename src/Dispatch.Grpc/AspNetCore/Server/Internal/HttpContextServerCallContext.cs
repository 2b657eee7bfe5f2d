using System.Buffers;
using Grpc.Core;
using Grpc.Internal;
using Grpc.Net.Compression;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;

namespace Grpc.AspNetCore.Server.Internal;

/// <summary>
/// One server call over one HTTP/2 request: its deadline and cancellation, reading request messages,
/// writing response headers, messages and the final status. A call with a deadline serializes its
/// writes, because the deadline may end the call while the handler is still writing.
/// </summary>
internal sealed partial class HttpContextServerCallContext : ServerCallContext
{
    private static readonly string[] StatusValues = Enumerable.Range(0, 17).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    private readonly ServerMethodOptions _options;
    private readonly string _method;
    private readonly SequenceDeserializationContext _deserializationContext = new();
    private FrameSerializationContext? _serializationContext;
    private Metadata? _requestHeaders;
    private Metadata? _responseTrailers;
    private Status _status;
    private DateTime _deadline = DateTime.MaxValue;
    private CancellationTokenSource? _callCts;
    private CancellationTokenSource? _deadlineCts;
    private TaskCompletionSource? _deadlineReached;
    private SemaphoreSlim? _writeLock;
    private string? _requestEncoding;
    private ICompressionProvider? _responseCompression;
    private bool _responseEncodingDecided;
    private bool _responseStarted;
    private bool _completed;

    public HttpContextServerCallContext(HttpContext httpContext, string method, ServerMethodOptions options)
    {
        HttpContext = httpContext;
        _method = method;
        _options = options;
    }

    public HttpContext HttpContext { get; }

    public ServerMethodOptions Options => _options;

    /// <summary>Completes when the deadline passes; null for a call without one.</summary>
    public Task? DeadlineReached => _deadlineReached?.Task;

    protected override string MethodCore => _method;

    protected override string HostCore => HttpContext.Request.Host.Value ?? "";

    protected override string PeerCore
    {
        get
        {
            var connection = HttpContext.Connection;
            return connection.RemoteIpAddress is { } address
                ? (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "ipv6:[" + address + "]:" : "ipv4:" + address + ":") + connection.RemotePort
                : "unknown";
        }
    }

    protected override DateTime DeadlineCore => _deadline;

    protected override Metadata RequestHeadersCore => _requestHeaders ??= ReadRequestHeaders();

    protected override CancellationToken CancellationTokenCore => _callCts?.Token ?? HttpContext.RequestAborted;

    protected override Metadata ResponseTrailersCore => _responseTrailers ??= [];

    protected override Status StatusCore
    {
        get => _status;
        set => _status = value;
    }

    protected override WriteOptions? WriteOptionsCore { get; set; }

    public void Initialize()
    {
        var request = HttpContext.Request;
        var response = HttpContext.Response;
        response.ContentType = GrpcProtocol.ContentType;
        response.Headers[GrpcProtocol.AcceptEncodingHeader] = _options.AcceptEncoding;

        // Limits are per message (MaxReceiveMessageSize); long-lived streams must not trip Kestrel's body limits.
        if (HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = null;
        }

        if (HttpContext.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } dataRate)
        {
            dataRate.MinDataRate = null;
        }

        var encoding = request.Headers[GrpcProtocol.EncodingHeader];
        if (encoding.Count > 0 && encoding[0] is { } name && name != GrpcProtocol.IdentityEncoding)
        {
            _requestEncoding = name;
        }

        var timeout = request.Headers[GrpcProtocol.TimeoutHeader];
        if (timeout.Count > 0)
        {
            StartDeadline(timeout[0]);
        }
    }

    private void StartDeadline(string? value)
    {
        if (!GrpcTimeout.TryParse(value, out var timeout))
        {
            GrpcServerLog.InvalidTimeout(_options.Logger, value ?? "");
            return;
        }

        // Timers reach about 49 days; anything longer is as good as no deadline.
        if (timeout > TimeSpan.FromDays(49))
        {
            return;
        }

        _deadline = DateTime.UtcNow + timeout;
        _writeLock = new SemaphoreSlim(1, 1);
        _deadlineReached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _callCts = CancellationTokenSource.CreateLinkedTokenSource(HttpContext.RequestAborted);
        _deadlineCts = new CancellationTokenSource();
        _deadlineCts.Token.UnsafeRegister(static state => ((HttpContextServerCallContext)state!).OnDeadline(), this);
        _deadlineCts.CancelAfter(timeout);
    }

    private void OnDeadline()
    {
        // Cancel the handler's token before the reply goes out, so a handler that outlives its
        // deadline always sees it cancelled.
        try
        {
            _callCts!.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }

        _deadlineReached!.TrySetResult();
    }

    private Metadata ReadRequestHeaders()
    {
        var metadata = new Metadata();
        foreach (var header in HttpContext.Request.Headers)
        {
            if (GrpcProtocol.IsReservedHeader(header.Key))
            {
                continue;
            }

            foreach (var value in header.Value)
            {
                if (value is not null)
                {
                    MetadataHeaders.Add(metadata, header.Key.ToLowerInvariant(), value);
                }
            }
        }

        return metadata;
    }

    protected override async Task WriteResponseHeadersAsyncCore(Metadata responseHeaders)
    {
        ArgumentNullException.ThrowIfNull(responseHeaders);
        await EnterWriteAsync().ConfigureAwait(false);
        try
        {
            if (_responseStarted)
            {
                throw new InvalidOperationException("Response headers can only be sent once per call.");
            }

            var headers = HttpContext.Response.Headers;
            foreach (var entry in responseHeaders)
            {
                if (entry.Key == GrpcProtocol.CompressionRequestHeader)
                {
                    DecideResponseEncoding(entry.Value);
                }
                else if (!GrpcProtocol.IsReservedHeader(entry.Key))
                {
                    headers.Append(entry.Key, MetadataHeaders.ToHeaderValue(entry));
                }
            }

            DecideResponseEncoding(null);
            _responseStarted = true;
            await HttpContext.Response.BodyWriter.FlushAsync(CancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock?.Release();
        }
    }

    /// <summary>Chooses the response compression once, before any header is sent; only what the client accepts.</summary>
    private void DecideResponseEncoding(string? requested)
    {
        if (_responseEncodingDecided)
        {
            return;
        }

        var algorithm = requested ?? _options.ResponseCompressionAlgorithm;
        if (algorithm is null || algorithm == GrpcProtocol.IdentityEncoding)
        {
            if (requested is not null)
            {
                _responseEncodingDecided = true;
            }

            return;
        }

        _responseEncodingDecided = true;
        var provider = MessageCompression.Find(_options.CompressionProviders, algorithm);
        if (provider is not null &&
            MessageCompression.Accepts(HttpContext.Request.Headers[GrpcProtocol.AcceptEncodingHeader].ToString(), algorithm))
        {
            _responseCompression = provider;
            HttpContext.Response.Headers[GrpcProtocol.EncodingHeader] = provider.EncodingName;
        }
    }

    /// <summary>Writes one response message; flushed at once for streams, left buffered for unary replies.</summary>
    public async ValueTask WriteMessageAsync<T>(T message, Marshaller<T> marshaller, bool flush)
    {
        await EnterWriteAsync().ConfigureAwait(false);
        try
        {
            if (_completed)
            {
                throw new InvalidOperationException("Can't write the message because the call is complete.");
            }

            DecideResponseEncoding(null);
            _responseStarted = true;
            var compression = WriteOptions is { } options && (options.Flags & WriteFlags.NoCompress) != 0 ? null : _responseCompression;
            var context = _serializationContext ??= new FrameSerializationContext();
            var writer = HttpContext.Response.BodyWriter;
            context.Start(writer, _options.MaxSendMessageSize, compression, _options.ResponseCompressionLevel);
            marshaller.ContextualSerializer(message, context);
            context.EnsureCompleted();
            if (flush)
            {
                await writer.FlushAsync(CancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _writeLock?.Release();
        }
    }

    private ValueTask EnterWriteAsync() =>
        _writeLock is null ? ValueTask.CompletedTask : new ValueTask(_writeLock.WaitAsync());
}
